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

    /** The same finding found again below another place: {@code from}'s part of both paths becomes {@code to}'s. */
    AvroFinding movedTo(AvroStructureComparison.Paths from, AvroStructureComparison.Paths to) {
        return new AvroFinding(
                kind,
                to.next() + path.substring(from.next().length()),
                to.previous() + previousPath.substring(from.previous().length()),
                change);
    }

    Difference toDifference() {
        return new Breakage(breaksBackward, breaksForward).difference(kind, path, "field", change);
    }
}
