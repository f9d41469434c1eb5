package dev.watershed.adapter.persistence;

import dev.watershed.domain.contract.ContractStatus;
import dev.watershed.domain.contract.SchemaFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "contract")
public class ContractEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "asset_id")
    public AssetEntity asset;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public int major;

    @Column(nullable = false)
    public int minor;

    @Column(nullable = false)
    public int patch;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SchemaFormat format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContractStatus status;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "schema_text", nullable = false, columnDefinition = "text")
    public String schemaText;

    public String changelog;

    @Column(name = "fields_json", nullable = false, columnDefinition = "text")
    public String fieldsJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "rolled_back_to")
    public String rolledBackTo;

    /** The JSON Schema dialect URI the schema was read as; {@code null} for Avro and for rows stored before V10. */
    public String dialect;
}
