package dev.watershed.adapter.rest;

import dev.watershed.domain.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Checks shared by every endpoint that takes a JSON body, and the request stream of streamed batches. */
final class RequestBodies {

    private RequestBodies() {}

    /** An empty body deserialises to {@code null}; say so instead of failing later. */
    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException(null, "a JSON request body is required");
        }
        return body;
    }

    /**
     * The body of a streamed batch, as read from the connection: a failure to read it (the client went away, or was
     * cut for sending too slowly) becomes an {@link InterruptedBodyException}, which the domain wraps like any read
     * failure and {@link ProblemMapper} recognises, so that it is not mistaken for a fault of the registry.
     */
    static InputStream streamed(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new InterruptedBodyException(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw new InterruptedBodyException(e);
                }
            }
        };
    }

    /** The request body that stopped arriving behind a failure, or {@code null} when that is not the cause. */
    static InterruptedBodyException interruption(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedBodyException interrupted) {
                return interrupted;
            }
        }
        return null;
    }

    /** The connection failed while the body was read. */
    static final class InterruptedBodyException extends IOException {

        InterruptedBodyException(IOException cause) {
            super("the request body stopped arriving: " + cause.getMessage(), cause);
        }
    }
}
