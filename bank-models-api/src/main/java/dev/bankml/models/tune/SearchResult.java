package dev.bankml.models.tune;

/** What a search found: every trial ranked, the winning trial and its cross-validated score. */
public record SearchResult(Leaderboard leaderboard, Trial best, CrossValidatedScore bestScore) {}
