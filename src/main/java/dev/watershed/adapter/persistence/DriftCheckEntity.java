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
@Table(name = "drift_check")
public class DriftCheckEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "asset_id")
    public AssetEntity asset;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "checked_by", nullable = false)
    public String checkedBy;

    @Column(name = "against_kind", nullable = false)
    public String againstKind;

    @Column(name = "anomaly_count", nullable = false)
    public int anomalyCount;

    @Column(name = "result_json", columnDefinition = "text", nullable = false)
    public String resultJson;
}
