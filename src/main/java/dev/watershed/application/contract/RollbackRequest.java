package dev.watershed.application.contract;

/**
 * Republish an older version's schema and field metadata as the new latest version.
 *
 * @param to        the stored version to go back to
 * @param changelog {@code null} for one that names the versions involved
 * @param force     publish even when going back breaks the asset's compatibility mode (admins only); the new
 *                  version is then the next major
 */
public record RollbackRequest(String to, String changelog, boolean force) {}
