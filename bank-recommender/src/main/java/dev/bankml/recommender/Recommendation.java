package dev.bankml.recommender;

import java.util.OptionalInt;

/**
 * One recommended item.
 *
 * @param item the item's index
 * @param label the item's name
 * @param score how strongly it is recommended (sum of similarities, or popularity for cold start)
 * @param because the held item that contributed most, empty when the item comes from popularity
 * @param reason a sentence a relationship manager can repeat, e.g. "because you hold Salary
 *     account (similarity 0.42)"
 */
public record Recommendation(int item, String label, double score, OptionalInt because, String reason) {}
