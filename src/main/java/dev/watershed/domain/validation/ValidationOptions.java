package dev.watershed.domain.validation;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a JSON Schema contract is compiled.
 *
 * @param formatAssertions whether {@code format} ({@code email}, {@code date-time}, ...) rejects values; JSON Schema
 *                         2019-09 and later make it an annotation only, but a data contract usually means it
 * @param allowedRefHosts  hosts from which remote {@code $ref}s may be fetched over HTTP(S); empty means no remote
 *                         fetch at all, which keeps a submitted schema from making the server call arbitrary URLs
 */
public record ValidationOptions(boolean formatAssertions, Set<String> allowedRefHosts) {

    public ValidationOptions {
        allowedRefHosts = allowedRefHosts.stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Format assertions on, no remote {@code $ref}s. */
    public static ValidationOptions defaults() {
        return new ValidationOptions(true, Set.of());
    }

    /** A copy with format assertions switched on or off. */
    public ValidationOptions withFormatAssertions(boolean enabled) {
        return new ValidationOptions(enabled, allowedRefHosts);
    }

    /** A copy that may fetch remote {@code $ref}s from exactly these hosts. */
    public ValidationOptions withAllowedRefHosts(Set<String> hosts) {
        return new ValidationOptions(formatAssertions, hosts);
    }
}
