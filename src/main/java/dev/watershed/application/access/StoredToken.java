package dev.watershed.application.access;

import dev.watershed.domain.auth.Role;
import java.time.Instant;

/**
 * A token as the registry keeps it.
 *
 * @param hash      SHA-256 of the secret; the secret itself is shown once and never stored
 * @param team      the team it acts for; {@code null} for the first-start admin token
 * @param revokedAt when it stopped working, or {@code null} while active
 */
public record StoredToken(
        String id,
        String name,
        String team,
        Role role,
        String hash,
        Instant createdAt,
        String createdBy,
        Instant revokedAt) {}
