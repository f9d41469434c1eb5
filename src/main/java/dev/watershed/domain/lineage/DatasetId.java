package dev.watershed.domain.lineage;

import dev.watershed.domain.InvalidInputException;

/**
 * How OpenLineage names a dataset: a namespace (where it lives, e.g. {@code postgres://db:5432}) and a name within
 * it (e.g. {@code shop.public.orders}). The pair is the identity; neither part is interpreted.
 */
public record DatasetId(String namespace, String name) implements Comparable<DatasetId> {

    /** Longer than any real namespace or table path, short enough to index. */
    public static final int MAX_LENGTH = 1_000;

    public DatasetId {
        namespace = checked(namespace, "namespace");
        name = checked(name, "name");
    }

    /**
     * @param pointer where the pair sits in the request, for the error
     * @throws InvalidInputException when either part is missing, blank or longer than {@link #MAX_LENGTH}
     */
    public static DatasetId of(String namespace, String name, String pointer) {
        if (namespace == null || namespace.isBlank()) {
            throw new InvalidInputException(pointer + "/namespace", "namespace is required and may not be blank");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(pointer + "/name", "name is required and may not be blank");
        }
        if (namespace.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    pointer + "/namespace", "namespace is longer than " + MAX_LENGTH + " characters");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInputException(pointer + "/name", "name is longer than " + MAX_LENGTH + " characters");
        }
        return new DatasetId(namespace, name);
    }

    private static String checked(String part, String what) {
        if (part == null || part.isBlank() || part.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_LENGTH + " characters: " + part);
        }
        return part;
    }

    @Override
    public int compareTo(DatasetId other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
