package dev.watershed.domain.lineage;

import java.util.Objects;

/** How OpenLineage names a job: a namespace (the scheduler or team) and a name within it. */
public record JobId(String namespace, String name) implements Comparable<JobId> {

    public JobId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(JobId other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
