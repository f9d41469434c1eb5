package dev.watershed.adapter.persistence;

import dev.watershed.application.access.StoredToken;
import dev.watershed.domain.auth.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "api_token")
public class TokenEntity {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    static TokenEntity from(StoredToken token) {
        TokenEntity entity = new TokenEntity();
        entity.id = token.id();
        entity.name = token.name();
        entity.team = token.team();
        entity.role = token.role();
        entity.tokenHash = token.hash();
        entity.createdAt = token.createdAt();
        entity.createdBy = token.createdBy();
        entity.revokedAt = token.revokedAt();
        return entity;
    }

    StoredToken toDomain() {
        return new StoredToken(id, name, team, role, tokenHash, createdAt, createdBy, revokedAt);
    }
}
