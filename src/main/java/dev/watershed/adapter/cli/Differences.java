package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Differences as the registry writes them ({@code kind, path, message, breaksBackward, breaksForward}), in words. */
final class Differences {

    private Differences() {}

    static String describe(JsonNode difference) {
        List<String> breaks = new ArrayList<>();
        if (difference.path("breaksBackward").asBoolean()) {
            breaks.add("backward");
        }
        if (difference.path("breaksForward").asBoolean()) {
            breaks.add("forward");
        }
        String path = difference.path("path").asText();
        String against = difference.path("againstVersions").isEmpty()
                ? ""
                : " (against " + String.join(", ", Declarations.texts(difference.path("againstVersions"))) + ")";
        return (breaks.isEmpty() ? "[compatible] " : "[breaks " + String.join(" and ", breaks) + "] ")
                + (path.isEmpty() ? "(root)" : path) + " "
                + difference.path("kind").asText() + ": "
                + difference.path("message").asText() + against;
    }

    static boolean breaks(JsonNode difference) {
        return difference.path("breaksBackward").asBoolean()
                || difference.path("breaksForward").asBoolean();
    }

    static String describeImpacted(JsonNode impacted) {
        return "impacts " + impacted.path("name").asText() + " ("
                + impacted.path("kind").asText() + ", owner "
                + impacted.path("owner").asText() + "): "
                + impacted.path("reason").asText();
    }
}
