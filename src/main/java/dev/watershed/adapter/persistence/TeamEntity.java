package dev.watershed.adapter.persistence;

import dev.watershed.domain.asset.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "team")
public class TeamEntity {

    @Id
    @GeneratedValue(generator = "watershed_seq")
    @SequenceGenerator(name = "watershed_seq", sequenceName = "watershed_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String email;

    public String webhook;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    Team toDomain() {
        return new Team(name, email, webhook, createdAt);
    }
}
