package dev.bankml.features.profile;

/** A level (or boolean value) and how many rows hold it. */
public record LevelCount(String level, long count) {}
