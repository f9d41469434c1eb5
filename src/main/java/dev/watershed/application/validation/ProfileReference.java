package dev.watershed.application.validation;

import java.time.Instant;

/**
 * One side of a drift comparison.
 *
 * @param kind    {@code baseline} or {@code previous} (an earlier observation) for the reference side;
 *                {@code batch} or {@code observation} for the current side
 * @param id      the baseline's or the observation's id; {@code null} for a batch that was not recorded
 * @param label   the observations' label, or {@code null}
 * @param records records profiled
 * @param from    the earliest observation it covers, {@code null} for an unrecorded batch
 * @param to      the latest observation it covers, {@code null} for an unrecorded batch
 */
public record ProfileReference(String kind, Long id, String label, long records, Instant from, Instant to) {}
