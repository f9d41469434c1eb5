package dev.watershed.application.drift;

/**
 * A drift check found anomalies and was stored; a check without any is neither stored nor announced. Fired
 * synchronously inside the recording transaction, so that what observers write (the notification outbox) commits or
 * rolls back with the check.
 *
 * @param check as stored, with its id
 */
public record DriftDetected(DriftCheck check) {}
