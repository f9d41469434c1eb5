package dev.watershed.domain.profile;

/** Approximate number of values in {@code [from, to)} (the last bin includes {@code to}). */
public record HistogramBin(double from, double to, long count) {}
