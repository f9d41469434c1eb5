package dev.watershed.application.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line per journaled event, for the person reading a timeline: what changed, in which version, and whom it
 * breaks. Built from the event's stored data only, so that old events read the same after the contracts change.
 */
final class TimelineSummaries {

    private static final int DIFFERENCES_NAMED = 3;

    private TimelineSummaries() {}

    static String of(String type, String subject, JsonNode data) {
        return switch (type) {
            case "contract.published" -> published(subject, data);
            case "contract.rolled-back" -> rolledBack(subject, data);
            case "contract.deprecated" -> subject + " " + text(data, "version") + " deprecated";
            case "dependency.added" -> added(data);
            case "dependency.removed" -> text(data, "consumer") + " no longer reads " + text(data, "producer");
            case "asset.deleted" ->
                subject + " (" + lower(text(data, "kind")) + " of " + text(data, "owner") + ") deleted";
            case "validation.failed" -> validationFailed(subject, data);
            case "drift.detected" -> driftDetected(subject, data);
            case "contract.violated" -> contractViolated(subject, data);
            default -> other(type, subject, data);
        };
    }

    private static String published(String subject, JsonNode data) {
        String version = text(data, "version");
        String previous = text(data, "previousVersion");
        if (previous == null) {
            return subject + " " + version + " published, its first version";
        }
        String head = subject + " " + version + " (" + text(data, "bump") + ", was " + previous + ")";
        JsonNode breaking = data.path("breakingChange");
        String acknowledged = breaking.path("acknowledged").asBoolean()
                ? "; breaking change acknowledged by " + text(breaking, "acknowledgedBy") + ", migration: "
                        + text(breaking, "migration")
                        + (breaking.hasNonNull("retireOldMajorBy")
                                ? "; old major retired by " + text(breaking, "retireOldMajorBy")
                                : "")
                : "";
        return head + " " + changes(data.path("differences"), previous) + acknowledged;
    }

    private static String rolledBack(String subject, JsonNode data) {
        String replaced = text(data, "replacedVersion");
        String head = subject + " rolled back to " + text(data, "rolledBackTo") + " as " + text(data, "version")
                + " (" + text(data, "bump") + (data.path("forced").asBoolean() ? ", forced" : "") + ", replacing "
                + replaced + ")";
        return head + " " + changes(data.path("differences"), replaced);
    }

    /** "changed /a: message (breaks readers of 2.1.0); /b: ...; and 2 more differences". */
    private static String changes(JsonNode differences, String previous) {
        if (!differences.isArray() || differences.isEmpty()) {
            return "with no schema differences";
        }
        List<String> named = new ArrayList<>();
        for (JsonNode difference : differences) {
            if (named.size() == DIFFERENCES_NAMED) {
                break;
            }
            String path = text(difference, "path");
            StringBuilder line = new StringBuilder(path == null || path.isEmpty() ? "the root" : path)
                    .append(": ")
                    .append(text(difference, "message"));
            boolean forward = difference.path("breaksForward").asBoolean();
            boolean backward = difference.path("breaksBackward").asBoolean();
            if (forward && backward) {
                line.append(" (breaks readers of ").append(previous).append(" and reading data written under it)");
            } else if (forward) {
                line.append(" (breaks readers of ").append(previous).append(")");
            } else if (backward) {
                line.append(" (breaks reading data written under ")
                        .append(previous)
                        .append(")");
            }
            named.add(line.toString());
        }
        int more = differences.size() - named.size();
        return "changed " + String.join("; ", named)
                + (more > 0 ? "; and " + more + " more difference" + (more == 1 ? "" : "s") : "");
    }

    private static String added(JsonNode data) {
        List<String> fields = new ArrayList<>();
        data.path("fields").forEach(field -> fields.add(field.asText()));
        String range = text(data, "versionRange");
        return text(data, "consumer") + " now reads " + text(data, "producer")
                + (fields.isEmpty() ? " (the whole contract" : " (" + String.join(", ", fields))
                + (range == null ? ")" : ", versions " + range + ")");
    }

    private static String validationFailed(String subject, JsonNode data) {
        return subject + " " + text(data, "version") + ": "
                + data.path("invalid").asLong() + " of "
                + data.path("total").asLong() + " records invalid ("
                + percent(data.path("invalidShare").asDouble())
                + ") in '" + text(data, "label") + "', above the "
                + percent(data.path("threshold").asDouble())
                + " threshold";
    }

    /** "hospital.vitals drifted from its baseline (training): 2 anomalies, worst: /heart_rate moved: ..." */
    private static String driftDetected(String subject, JsonNode data) {
        JsonNode anomalies = data.path("anomalies");
        JsonNode against = data.path("against");
        String label = text(against, "label");
        String worst = anomalies.isEmpty() ? "" : ", worst: " + text(anomalies.get(0), "detail");
        return subject + " drifted from its "
                + ("baseline".equals(text(against, "kind")) ? "baseline" : "previous observation")
                + (label == null ? "" : " (" + label + ")") + ": " + anomalies.size()
                + (anomalies.size() == 1 ? " anomaly" : " anomalies") + worst;
    }

    /** "shop.orders 1.2.0 violated by job etl/load_orders (run 0176...): /amount: type changed ..." */
    private static String contractViolated(String subject, JsonNode data) {
        JsonNode violations = data.path("violations");
        JsonNode job = data.path("job");
        String by = job.isObject()
                ? " by job " + text(job, "namespace") + "/" + text(job, "name")
                        + (data.hasNonNull("runId") ? " (run " + text(data, "runId") + ")" : "")
                : "";
        String first = violations.isEmpty() ? "" : ": " + text(violations.get(0), "detail");
        return subject + " " + text(data, "version") + " contract violated" + by + ", " + violations.size()
                + (violations.size() == 1 ? " violation" : " violations") + first;
    }

    /** An event type this class has no words for (one added later): its own summary or message, if it has one. */
    private static String other(String type, String subject, JsonNode data) {
        String version = text(data, "version");
        String own = text(data, "summary") != null ? text(data, "summary") : text(data, "message");
        return type + " on " + subject + (version == null ? "" : " " + version) + (own == null ? "" : ": " + own);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
