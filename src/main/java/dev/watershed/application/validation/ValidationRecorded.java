package dev.watershed.application.validation;

/**
 * An observation was recorded, whatever it found: whether it failed badly enough to tell anyone is for each observer
 * to decide (notification has its own threshold). Fired synchronously inside the recording transaction, so that what
 * observers write (the notification outbox) commits or rolls back with the observation.
 *
 * @param observation as stored, with its id
 */
public record ValidationRecorded(Observation observation) {}
