package dev.watershed.adapter.persistence;

import dev.watershed.application.access.StoredToken;
import dev.watershed.application.access.TokenStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class TokenRepository implements PanacheRepositoryBase<TokenEntity, String>, TokenStore {

    @Override
    public void insert(StoredToken token) {
        persist(TokenEntity.from(token));
    }

    @Override
    public Optional<StoredToken> findActiveByHash(String hash) {
        return find("tokenHash = ?1 and revokedAt is null", hash)
                .firstResultOptional()
                .map(TokenEntity::toDomain);
    }

    @Override
    public Optional<StoredToken> find(String id) {
        return findByIdOptional(id).map(TokenEntity::toDomain);
    }

    @Override
    public void revoke(String id) {
        findByIdOptional(id).ifPresent(token -> token.revokedAt = Instant.now());
    }

    @Override
    public long countActive() {
        return count("revokedAt is null");
    }
}
