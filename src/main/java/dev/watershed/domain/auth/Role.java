package dev.watershed.domain.auth;

/** What a token may do. */
public enum Role {
    /** May change anything, and issue or revoke tokens. */
    ADMIN,
    /** May change only the assets its team owns, and their contracts and dependencies. */
    EDITOR
}
