package dev.watershed.adapter.persistence;

import dev.watershed.domain.Sha256;
import dev.watershed.domain.lineage.DatasetId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One row of {@code asset_lineage_id}: an OpenLineage dataset an asset is known by. */
@Embeddable
public class LineageIdColumns {

    @Column(nullable = false, length = DatasetId.MAX_LENGTH)
    public String namespace;

    @Column(nullable = false, length = DatasetId.MAX_LENGTH)
    public String name;

    /** The unique key: the SHA-256 of namespace and name (see V15). */
    @Column(name = "id_key", nullable = false, length = 64)
    public String key;

    /** For Hibernate. */
    protected LineageIdColumns() {}

    LineageIdColumns(DatasetId id) {
        this.namespace = id.namespace();
        this.name = id.name();
        this.key = keyOf(id);
    }

    static String keyOf(DatasetId id) {
        return Sha256.hex(id.namespace() + "\n" + id.name());
    }

    DatasetId toDomain() {
        return new DatasetId(namespace, name);
    }

    // A set of embeddables: Hibernate tells rows apart by these.
    @Override
    public boolean equals(Object other) {
        return other instanceof LineageIdColumns that
                && Objects.equals(namespace, that.namespace)
                && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, name);
    }
}
