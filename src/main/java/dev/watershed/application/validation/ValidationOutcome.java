package dev.watershed.application.validation;

import dev.watershed.domain.profile.ProfileSummary;
import dev.watershed.domain.validation.ValidationReport;

/**
 * The result of one validation request.
 *
 * @param asset         {@code null} for a schema sent with the request
 * @param version       the contract version checked against, {@code null} for a schema sent with the request
 * @param profile       {@code null} when profiling was not asked for
 * @param observationId the stored observation, or {@code null} when none was recorded
 */
public record ValidationOutcome(
        String asset, String version, ValidationReport report, ProfileSummary profile, Long observationId) {}
