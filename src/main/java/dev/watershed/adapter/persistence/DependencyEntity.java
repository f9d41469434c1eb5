package dev.watershed.adapter.persistence;

import dev.watershed.domain.graph.Usage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "dependency")
public class DependencyEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String producer;

    @Column(nullable = false)
    public String consumer;

    /** {@code null} for a dependency declared before its producer had a contract (lineage only). */
    @Column(name = "version_range")
    public String versionRange;

    @Column(name = "resolved_version")
    public String resolvedVersion;

    @Column(name = "fields_json", nullable = false, columnDefinition = "text")
    public String fieldsJson;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_usage", nullable = false)
    public Usage usage;

    public String note;

    @Column(name = "split_key")
    public String splitKey;

    /** {@code null} when no target fields are declared. */
    @Column(name = "target_fields_json", columnDefinition = "text")
    public String targetFieldsJson;

    @Column(name = "cost_amount")
    public Double costAmount;

    @Column(name = "cost_unit")
    public String costUnit;

    @Column(name = "benefit_value")
    public Double benefitValue;

    @Column(name = "benefit_metric")
    public String benefitMetric;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
