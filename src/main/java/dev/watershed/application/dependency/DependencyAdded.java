package dev.watershed.application.dependency;

/**
 * A consumer declared a dependency it did not have; not fired when a declaration replaces one. Fired synchronously
 * inside the declaring transaction, so that what observers write (the notification outbox) commits or rolls back
 * with the dependency.
 */
public record DependencyAdded(Dependency dependency) {}
