package dev.watershed.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttemptEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public long deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String error;
}
