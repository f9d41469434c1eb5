package dev.watershed.domain.compatibility;

/**
 * A structural change found between two Avro schemas, before Avro's own resolution rules have said which readers
 * it breaks. Mutable only while {@link AvroDiffer} assembles one result.
 */
final class AvroFinding {

    final DifferenceKind kind;
    final String path;
    final String change;
    boolean breaksBackward;
    boolean breaksForward;

    AvroFinding(DifferenceKind kind, String path, String change) {
        this.kind = kind;
        this.path = path;
        this.change = change;
    }

    Difference toDifference() {
        return new Breakage(breaksBackward, breaksForward).difference(kind, path, "field", change);
    }
}
