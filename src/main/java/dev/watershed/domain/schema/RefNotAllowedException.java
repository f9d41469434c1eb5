package dev.watershed.domain.schema;

import dev.watershed.domain.InvalidInputException;
import java.util.Set;
import java.util.TreeSet;

/** A schema refers to a resource that {@link RemoteRefPolicy} does not let the registry load. */
public class RefNotAllowedException extends InvalidInputException {

    private final String reference;
    private final Set<String> allowedHosts;

    /**
     * @param pointer   where the reference sits, as a JSON Pointer ({@code ""} when it cannot be placed)
     * @param reference the refused IRI, as resolved against the schema's base
     */
    public RefNotAllowedException(String pointer, String reference, Set<String> allowedHosts) {
        super(
                "REF_NOT_ALLOWED",
                pointer,
                "the schema refers to `" + reference + "`, which the registry does not"
                        + " load: it loads "
                        + (allowedHosts.isEmpty()
                                ? "no remote schemas"
                                : "remote schemas only over http(s) from "
                                        + String.join(", ", new TreeSet<>(allowedHosts)))
                        + " (watershed.validation.allowed-ref-hosts), and nothing from its own class path or files;"
                        + " put the referenced schema under $defs and refer to it as \"#/$defs/...\"");
        this.reference = reference;
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /** The refused IRI. */
    public String reference() {
        return reference;
    }

    /** The same refusal with the pointer placed under {@code prefix}, where the schema sits in a request. */
    public RefNotAllowedException under(String prefix) {
        return new RefNotAllowedException(prefix + (pointer() == null ? "" : pointer()), reference, allowedHosts);
    }
}
