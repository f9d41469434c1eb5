package dev.watershed.adapter.cli;

/** What stops a command before it can judge anything: bad usage, an unreachable registry, unreadable files. */
class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
