package dev.watershed.adapter.persistence;

import dev.watershed.domain.contract.SchemaFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A schema content's Confluent id (V12). Ids come one by one from their own sequence: 1, 2, 3, as Kafka users know them. */
@Entity
@Table(name = "schema_id")
public class SchemaIdEntity {

    @Id
    @GeneratedValue(generator = "schema_id_seq")
    @SequenceGenerator(name = "schema_id_seq", sequenceName = "schema_id_seq", allocationSize = 1)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SchemaFormat format;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
