package dev.watershed.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "observation")
public class ObservationEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "asset_id")
    public AssetEntity asset;

    @Column(nullable = false)
    public String version;

    public String label;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "total_count", nullable = false)
    public long total;

    @Column(name = "valid_count", nullable = false)
    public long valid;

    @Column(name = "invalid_count", nullable = false)
    public long invalid;

    @Column(name = "error_count", nullable = false)
    public long errorCount;

    @Column(name = "profile_base64", columnDefinition = "text")
    public String profileBase64;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public String team;

    @Column(name = "by_owner", nullable = false)
    public boolean byOwner;

    /** A {@code DriftStatus} name, or {@code null} when no drift check flagged it. */
    @Column(name = "drift_status")
    public String driftStatus;
}
