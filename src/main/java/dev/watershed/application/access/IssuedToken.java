package dev.watershed.application.access;

/**
 * A token just created.
 *
 * @param secret the bearer secret: returned once, never stored
 */
public record IssuedToken(StoredToken token, String secret) {}
