package dev.watershed.domain.compatibility;

/**
 * Which readers a change breaks, and the sentence that tells a producer so. Shared by both differs so that JSON
 * Schema and Avro differences read alike.
 */
record Breakage(boolean backward, boolean forward) {

    static final Breakage NONE = new Breakage(false, false);
    static final Breakage BACKWARD = new Breakage(true, false);
    static final Breakage FORWARD = new Breakage(false, true);
    static final Breakage BOTH = new Breakage(true, true);

    Breakage or(Breakage other) {
        return new Breakage(backward || other.backward, forward || other.forward);
    }

    /** The roles of old and new swap inside {@code not}: a narrower inner schema widens the outer one. */
    Breakage swapped() {
        return new Breakage(forward, backward);
    }

    String consequence() {
        if (backward && forward) {
            return "readers of the new schema cannot read some records written with the previous version, and"
                    + " readers of the previous schema cannot read some records written with the new one";
        }
        if (backward) {
            return "readers of the new schema cannot read records written with the previous version";
        }
        if (forward) {
            return "readers of the previous schema cannot read records written with the new version";
        }
        return "readers of either version can still read records written with the other";
    }

    Difference difference(DifferenceKind kind, String path, String noun, String change) {
        return new Difference(
                kind, path, DataPath.subject(path, noun) + " " + change + ": " + consequence(), backward, forward);
    }
}
