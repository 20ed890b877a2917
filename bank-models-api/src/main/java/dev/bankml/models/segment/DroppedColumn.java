package dev.bankml.models.segment;

/** A column of the input that segmentation left out, and why (identifier, personal data, constant…). */
public record DroppedColumn(String name, String reason) {}
