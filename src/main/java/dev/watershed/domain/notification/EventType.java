package dev.watershed.domain.notification;

import java.util.Arrays;
import java.util.Optional;

/** The changes Watershed tells people about. */
public enum EventType {
    CONTRACT_PUBLISHED("contract.published"),
    CONTRACT_DEPRECATED("contract.deprecated"),
    CONTRACT_ROLLED_BACK("contract.rolled-back"),
    DEPENDENCY_ADDED("dependency.added"),
    DEPENDENCY_REMOVED("dependency.removed"),
    ASSET_DELETED("asset.deleted"),
    VALIDATION_FAILED("validation.failed"),
    DRIFT_DETECTED("drift.detected"),
    CONTRACT_VIOLATED("contract.violated");

    private static final String CLOUD_EVENT_PREFIX = "dev.watershed.";

    private final String id;

    EventType(String id) {
        this.id = id;
    }

    /** The name clients use, e.g. {@code contract.published}. */
    public String id() {
        return id;
    }

    /** The CloudEvents {@code type}, e.g. {@code dev.watershed.contract.published}. */
    public String cloudEventType() {
        return CLOUD_EVENT_PREFIX + id;
    }

    public static Optional<EventType> fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
