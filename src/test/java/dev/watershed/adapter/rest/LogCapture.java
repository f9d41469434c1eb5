package dev.watershed.adapter.rest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the errors and stack traces the HTTP stack and Watershed log while it is open, to show that a client who
 * misbehaves or goes away is not logged as a failure of the registry.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private static final List<String> WATCHED = List.of(
            "dev.watershed", "io.quarkus.vertx", "io.vertx", "org.jboss.resteasy", "io.netty", "io.quarkus.rest");

    private final List<LogRecord> problems = new CopyOnWriteArrayList<>();

    LogCapture() {
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (WATCHED.stream().anyMatch(logger::startsWith)
                && (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null)) {
            problems.add(record);
        }
    }

    /** Each error or stack trace logged so far, as "logger: message". */
    List<String> problems() {
        return problems.stream()
                .map(record -> record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"))
                .toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
