package dev.watershed.domain.contract;

/** How much a new contract version moves the semantic version, smallest first. */
public enum VersionBump {
    PATCH,
    MINOR,
    MAJOR;

    public VersionBump max(VersionBump other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
