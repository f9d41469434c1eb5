package dev.watershed.domain.asset;

import java.time.Instant;

/**
 * A team that owns assets and is told about changes that affect them.
 *
 * @param webhook optional URL that receives this team's notifications
 */
public record Team(String name, String email, String webhook, Instant createdAt) {}
