package dev.watershed.domain.health;

import dev.watershed.domain.contract.SemanticVersion;
import java.time.Instant;

/**
 * A contract version x.0.0 published after the asset's first version: a breaking change its consumers had to take.
 */
public record MajorRelease(String asset, SemanticVersion version, Instant publishedAt) {}
