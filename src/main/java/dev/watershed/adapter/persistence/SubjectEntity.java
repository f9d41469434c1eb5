package dev.watershed.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Confluent subject an asset answers to (V12); removed with its asset. */
@Entity
@Table(name = "subject")
public class SubjectEntity {

    @Id
    public String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "asset_id")
    public AssetEntity asset;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
