package dev.watershed.domain.health;

import java.util.List;
import java.util.Objects;

/**
 * Something about the estate's ML data health that someone should act on.
 *
 * @param asset  the asset whose owner acts on it
 * @param detail what was found, naming fields, versions and numbers
 * @param path       asset names through the graph, data-flow order, from where the problem starts to where it
 *                   lands; just the asset when the finding is about it alone
 * @param fields     JSON Pointers of the fields involved; empty when the finding is not about fields
 * @param remedy     what to do about it
 * @param otherPaths further paths through the graph the finding follows besides {@code path}, in the same order
 *                   (a split finding's evaluation path beside its training path); empty for most findings
 */
public record Finding(
        FindingCode code,
        Severity severity,
        String asset,
        String title,
        String detail,
        List<String> path,
        List<String> fields,
        String remedy,
        List<List<String>> otherPaths) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(asset, "asset");
        path = List.copyOf(path);
        fields = List.copyOf(fields);
        otherPaths = otherPaths.stream().<List<String>>map(List::copyOf).toList();
    }

    /** A finding that follows one path only. */
    public Finding(
            FindingCode code,
            Severity severity,
            String asset,
            String title,
            String detail,
            List<String> path,
            List<String> fields,
            String remedy) {
        this(code, severity, asset, title, detail, path, fields, remedy, List.of());
    }

    /** Whether the finding is about {@code name} or one of its paths passes through it. */
    public boolean concerns(String name) {
        return asset.equals(name) || path.contains(name) || otherPaths.stream().anyMatch(other -> other.contains(name));
    }
}
