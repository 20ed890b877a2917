package dev.bankml.models.fairness;

/**
 * Outcomes of one group of a protected attribute on held-out applications.
 *
 * @param group the group's value, e.g. {@code married}, {@code 25-34}, {@code (missing)}
 * @param count applications in the group
 * @param approved applications the model approved
 * @param approvalRate approved / count
 * @param defaultRate observed default rate of all the group's applications
 * @param approvedDefaultRate observed default rate among the approved ones (NaN when none were)
 * @param approvalRatio approval rate divided by that of the most-approved group (1 for that group)
 * @param belowFourFifths whether the ratio is below {@value FairnessReport#FOUR_FIFTHS}: the
 *     four-fifths rule's sign of possible adverse impact
 */
public record GroupFairness(
    String group, long count, long approved, double approvalRate, double defaultRate, double approvedDefaultRate,
    double approvalRatio, boolean belowFourFifths) {}
