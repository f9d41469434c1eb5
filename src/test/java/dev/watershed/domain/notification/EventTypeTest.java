package dev.watershed.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void cloudEventTypeIsPrefixedId() {
        assertThat(EventType.CONTRACT_PUBLISHED.id()).isEqualTo("contract.published");
        assertThat(EventType.CONTRACT_PUBLISHED.cloudEventType()).isEqualTo("dev.watershed.contract.published");
        assertThat(EventType.VALIDATION_FAILED.cloudEventType()).isEqualTo("dev.watershed.validation.failed");
    }

    @Test
    void everyIdRoundTrips() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromId(type.id())).contains(type);
        }
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(EventType.fromId("contract.rolled_back")).isEmpty();
        assertThat(EventType.fromId("CONTRACT_PUBLISHED")).isEmpty();
    }
}
