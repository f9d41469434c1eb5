package dev.watershed.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Links a journal event to an asset whose inputs it changed; see V7 for what is linked. */
@Entity
@Table(name = "event_asset")
@IdClass(EventAssetEntity.Key.class)
public class EventAssetEntity {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Id
    public String asset;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static class Key implements Serializable {

        public String eventId;
        public String asset;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(eventId, key.eventId) && Objects.equals(asset, key.asset);
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, asset);
        }
    }
}
