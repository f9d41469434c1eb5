package dev.watershed.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the application under test logs at ERROR, which in a {@code @QuarkusTest} runs in this JVM: read after each
 * request (requests are sent one at a time, and a failure is logged before its answer is written), so that a failure
 * can be reported with its cause and a known issue recognised by its stack trace rather than guessed from the request.
 */
final class ServerLog extends Handler implements AutoCloseable {

    private final List<String> records = new ArrayList<>();

    private ServerLog() {
        setLevel(Level.SEVERE);
    }

    static ServerLog attach() {
        ServerLog log = new ServerLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** The records logged since the last call, each with its stack trace. */
    synchronized String drain() {
        String drained = String.join("\n", records);
        records.clear();
        return drained;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.SEVERE.intValue()) {
            return;
        }
        StringWriter text = new StringWriter();
        text.append(record.getLoggerName()).append(": ").append(String.valueOf(record.getMessage()));
        if (record.getThrown() != null) {
            text.append('\n');
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        records.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
