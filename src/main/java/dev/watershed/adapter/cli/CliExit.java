package dev.watershed.adapter.cli;

/** The CLI's exit codes, the same for every command. */
final class CliExit {

    /** Everything passed. */
    static final int OK = 0;
    /** A check failed: a breaking change, an impacted consumer, an invalid record, a lint error. */
    static final int FAILED = 1;
    /** Usage, connection or file errors: nothing could be judged. */
    static final int ERROR = 2;

    private CliExit() {}
}
