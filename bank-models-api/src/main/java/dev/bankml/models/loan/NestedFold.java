package dev.bankml.models.loan;

import dev.bankml.models.tune.Trial;

/**
 * One outer fold of a nested evaluation: the candidate its inner search picked ({@code winner},
 * whose score is the inner cross-validated one), the calibration fitted on the winner's inner
 * out-of-fold scores, the metric on the outer test rows, and how many candidates the inner search
 * scored and how many its share of the time limit left out.
 */
public record NestedFold(int fold, Trial winner, String calibration, double outerScore, int candidatesScored,
    int candidatesSkipped) {}
