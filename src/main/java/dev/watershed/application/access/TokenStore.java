package dev.watershed.application.access;

import java.util.Optional;

/** Where API tokens are kept: only their hashes, never the secrets. */
public interface TokenStore {

    void insert(StoredToken token);

    Optional<StoredToken> findActiveByHash(String hash);

    Optional<StoredToken> find(String id);

    void revoke(String id);

    long countActive();
}
