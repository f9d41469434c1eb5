package dev.watershed.application.contract;

import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.contract.InvalidVersionException;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.contract.VersionBump;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Judges a {@link BreakingChange} against the breaking differences a publish found. The acknowledgement must name
 * the next major and a migration note, and each acceptance must still match a breaking difference: one that matches
 * nothing is stale (the schema moved on) and is refused rather than left to accept a future, unseen change.
 */
final class BreakingChangeChecks {

    private BreakingChangeChecks() {}

    /**
     * @param latest   the latest published version
     * @param breaking the differences that break the asset's mode
     * @param breaking the differences that break the asset's mode; when there is none the acknowledgement is not
     *                 judged (a file keeps it after the major shipped, and later compatible changes must pass)
     * @return the verdict: acknowledged when every breaking difference is accepted and there is at least one
     * @throws InvalidBreakingChangeException when the version is not the next major or an acceptance matches nothing
     */
    static BreakingChangeVerdict judge(BreakingChange change, SemanticVersion latest, List<DifferenceView> breaking) {
        if (breaking.isEmpty()) {
            return new BreakingChangeVerdict(
                    false, List.of(), change.version(), change.migration(), change.retireOldMajorBy());
        }
        if (change.migration() == null || change.migration().isBlank()) {
            throw new InvalidInputException(
                    "/breakingChange/migration",
                    "say what consumers must change in 'migration': it is sent to the owner of every impacted"
                            + " consumer");
        }
        SemanticVersion nextMajor = latest.bump(VersionBump.MAJOR);
        SemanticVersion asked = parse(change.version(), nextMajor);
        if (!asked.equals(nextMajor)) {
            throw new InvalidBreakingChangeException(
                    InvalidBreakingChangeException.NOT_NEXT_MAJOR,
                    "/breakingChange/version",
                    "a breaking change ships as the next major after the latest version " + latest + ": use "
                            + nextMajor + ", not " + asked);
        }
        for (int i = 0; i < change.accepts().size(); i++) {
            BreakingChange.Acceptance acceptance = change.accepts().get(i);
            if (breaking.stream().noneMatch(acceptance::matches)) {
                throw new InvalidBreakingChangeException(
                        InvalidBreakingChangeException.ACCEPTS_NOTHING,
                        "/breakingChange/accepts/" + i,
                        "'" + acceptance.path() + "'" + (acceptance.kind() == null ? "" : " " + acceptance.kind())
                                + " matches no breaking difference of this change; the breaking differences are: "
                                + describe(breaking) + ". Remove the entry or correct it");
            }
        }
        List<BreakingChangeVerdict.Unacknowledged> unacknowledged = new ArrayList<>();
        for (DifferenceView difference : breaking) {
            if (change.accepts().stream().noneMatch(acceptance -> acceptance.matches(difference))) {
                unacknowledged.add(new BreakingChangeVerdict.Unacknowledged(difference.path(), difference.kind()));
            }
        }
        return new BreakingChangeVerdict(
                unacknowledged.isEmpty(),
                List.copyOf(unacknowledged),
                nextMajor.toString(),
                change.migration(),
                change.retireOldMajorBy());
    }

    private static SemanticVersion parse(String version, SemanticVersion nextMajor) {
        if (version == null || version.isBlank()) {
            throw new InvalidBreakingChangeException(
                    InvalidBreakingChangeException.NOT_NEXT_MAJOR,
                    "/breakingChange/version",
                    "name the major the breaking change ships as: " + nextMajor);
        }
        try {
            return SemanticVersion.parse(version.strip());
        } catch (InvalidVersionException e) {
            throw new InvalidInputException("/breakingChange/version", e.detail());
        }
    }

    private static String describe(List<DifferenceView> breaking) {
        return breaking.stream()
                .map(difference ->
                        (difference.path().isEmpty() ? "the root" : difference.path()) + " " + difference.kind())
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
