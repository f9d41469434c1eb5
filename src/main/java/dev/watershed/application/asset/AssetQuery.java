package dev.watershed.application.asset;

import dev.watershed.domain.asset.AssetKind;

/**
 * Filters for listing assets; a {@code null} filter matches everything.
 *
 * @param text matched case-insensitively against name and description
 */
public record AssetQuery(AssetKind kind, String owner, String tag, String text, int limit, int offset) {}
