package dev.watershed.application.plan;

import dev.watershed.application.contract.PublishPlan;
import dev.watershed.application.contract.PublishRequest;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.SemanticVersion;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the files from undoing a rollback: after {@code watershed rollback}, the registry's latest version holds an
 * older schema than the file, and republishing the file would bring back the schema that was rolled back.
 */
final class RollbackAsCode {

    private RollbackAsCode() {}

    /**
     * What to change in the file when the registry's latest version was made by a rollback and the file holds a
     * schema of one of the versions it rolled back (newer than the restored one); {@code null} otherwise, also when
     * the file asks for a version above the latest on purpose.
     *
     * @param history the asset's versions, newest first
     */
    static String refusal(List<Contract> history, PublishPlan verdict, PublishRequest request) {
        if (history.isEmpty() || history.get(0).rolledBackTo() == null) {
            return null;
        }
        Contract latest = history.get(0);
        if (request.version() != null) {
            try {
                if (SemanticVersion.parse(request.version()).compareTo(latest.version()) > 0) {
                    return null;
                }
            } catch (RuntimeException e) {
                return null; // the publish itself says what is wrong with the version
            }
        }
        String fingerprint = verdict.schema().fingerprint();
        boolean rolledBackSchema = history.stream()
                .skip(1)
                .filter(contract -> contract.version().compareTo(latest.rolledBackTo()) > 0)
                .anyMatch(contract -> Objects.equals(contract.fingerprint(), fingerprint));
        if (!rolledBackSchema) {
            return null;
        }
        String replaced = history.size() > 1 ? history.get(1).version().toString() : "?";
        return "the registry was rolled back from " + replaced + " to " + latest.rolledBackTo() + "'s schema (now "
                + latest.version() + ") on " + latest.createdAt().toString().substring(0, 10) + ", and this file still"
                + " holds the schema that was rolled back: put " + latest.rolledBackTo() + "'s schema in the file"
                + " (GET /api/v1/assets/" + latest.asset() + "/contracts/" + latest.version() + "/schema, as"
                + " watershed rollback printed it), or to publish this schema again on purpose set contract.version"
                + " above " + latest.version();
    }

    /**
     * The request without its changelog when it repeats the latest version's: a file keeps its changelog from one
     * change to the next, and that text describes the version that already has it, not the new one.
     */
    static PublishRequest withoutRepeatedChangelog(PublishRequest request, PublishPlan verdict) {
        String previous = verdict.latest().map(Contract::changelog).orElse(null);
        if (request.changelog() == null || !request.changelog().equals(previous)) {
            return request;
        }
        return new PublishRequest(request.format(), request.schema(), request.version(), null, request.fields());
    }
}
