package dev.bankml.models.segment;

/**
 * One criterion's choice of the number of segments, e.g. {@code best silhouette → k = 6}.
 *
 * @param criterion the criterion in words
 * @param k the k it picks; -1 when it could not pick one (no finite value)
 */
public record KVote(String criterion, int k) {}
