package dev.watershed.domain.compatibility;

/**
 * A structural change found between two Avro schemas, before Avro's own resolution rules have said which readers
 * it breaks. Mutable only while {@link AvroDiffer} assembles one result.
 */
final class AvroFinding {

    final DifferenceKind kind;
    /** Where the change is, in the new schema's field names. */
    final String path;
    /** The same place in the previous schema's field names; differs from {@link #path} below a rename. */
    final String previousPath;
    final String change;
    boolean breaksBackward;
    boolean breaksForward;

    AvroFinding(DifferenceKind kind, String path, String previousPath, String change) {
        this.kind = kind;
        this.path = path;
        this.previousPath = previousPath;
        this.change = change;
    }

    /** @param readerIsNew whether the path was named after the new schema (BACKWARD) or the previous (FORWARD) */
    boolean isAt(String readerPath, boolean readerIsNew) {
        return (readerIsNew ? path : previousPath).equals(readerPath);
    }

    Difference toDifference() {
        return new Breakage(breaksBackward, breaksForward).difference(kind, path, "field", change);
    }
}
