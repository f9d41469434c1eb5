package dev.watershed.application.dependency;

/**
 * {@code consumer} no longer reads {@code producer}: its owner removed the dependency. Fired synchronously inside
 * the removing transaction, as {@link DependencyAdded}; not fired when an asset's removal takes its dependencies
 * with it (that is the asset's own event).
 */
public record DependencyRemoved(String producer, String consumer) {}
