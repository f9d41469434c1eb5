package dev.watershed.domain;

/** Work was stopped because nobody waits for its result any more: the client closed the connection. */
public class ComputeCancelledException extends WatershedException {

    public ComputeCancelledException() {
        super("COMPUTE_CANCELLED", "the check was stopped because the client closed the connection before it finished");
    }
}
