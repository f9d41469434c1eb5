package dev.watershed.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "inbox_notification")
public class InboxNotificationEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String team;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
