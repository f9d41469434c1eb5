package dev.watershed.domain.compatibility;

import dev.watershed.domain.WatershedException;

/** A schema nests deeper than the differ is configured to follow; comparing it could exhaust the stack. */
public class SchemaTooDeepException extends WatershedException {

    private final int maxDepth;

    public SchemaTooDeepException(int maxDepth, String dataPath) {
        super(
                "SCHEMA_TOO_DEEP",
                "the schema nests more than " + maxDepth + " levels deep (at `" + dataPath + "`): flatten it, or move"
                        + " repeated structures into $defs and reference them");
        this.maxDepth = maxDepth;
    }

    public int maxDepth() {
        return maxDepth;
    }
}
