package dev.watershed.domain.profile;

/** A frequent string and its estimated number of occurrences. */
public record FrequentValue(String value, long estimate) {}
