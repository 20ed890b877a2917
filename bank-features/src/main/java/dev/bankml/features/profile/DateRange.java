package dev.bankml.features.profile;

import java.time.LocalDate;

/** The earliest and latest date of a date column. */
public record DateRange(LocalDate min, LocalDate max) {}
