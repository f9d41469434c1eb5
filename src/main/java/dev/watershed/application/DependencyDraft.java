package dev.watershed.application;

import dev.watershed.domain.graph.Usage;
import java.util.List;

/**
 * What a consumer declares it reads from a producer; {@code null} means "the default".
 *
 * @param versionRange npm-style range; default {@code ^<major of the producer's latest version>}
 * @param fields       JSON Pointers or dotted paths; {@code null} or empty for the whole contract
 * @param usage        default {@link Usage#BOTH}
 */
public record DependencyDraft(String versionRange, List<String> fields, Usage usage, String note) {
}
