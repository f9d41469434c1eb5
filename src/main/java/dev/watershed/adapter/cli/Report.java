package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command found, one item per file, asset or team, written out in any {@link OutputFormat}.
 *
 * @param command  the command that made it ({@code check}, {@code lint}...)
 * @param items    the results, in the order they were made
 * @param emptyNote what to say when there are no items ("No changes.")
 */
record Report(String command, List<Item> items, String emptyNote) {

    /** How one item ended. ERROR is for what kept the command from judging: unreadable files, a failing registry. */
    enum Outcome {
        PASSED,
        FAILED,
        ERROR
    }

    enum Severity {
        ERROR,
        WARNING,
        NOTICE
    }

    /**
     * A message tied to a place in a file, which CI annotations can point at.
     *
     * @param column 1-based column, known for syntax errors; 0 otherwise
     */
    record Finding(Severity severity, Path file, int line, int column, String message) {

        Finding(Severity severity, Path file, int line, String message) {
            this(severity, file, line, 0, message);
        }
    }

    /**
     * @param name     what the item is about (an asset, a team, a file)
     * @param file     the file it came from; {@code null} when none
     * @param line     1-based line in that file
     * @param summary  one line: the verdict
     * @param details  further lines: differences, impacted consumers, changes
     * @param findings errors and warnings with their place
     * @param data     the registry's answer or other machine-readable detail for {@code --format json}; may be null
     */
    record Item(
            String name,
            Path file,
            int line,
            Outcome outcome,
            String summary,
            List<String> details,
            List<Finding> findings,
            JsonNode data) {

        Item {
            details = List.copyOf(details);
            findings = List.copyOf(findings);
        }

        /** The column of the finding the summary repeats, so the item's place is as exact; 0 when unknown. */
        int column() {
            return findings.stream()
                    .filter(finding ->
                            finding.line() == line && finding.message().equals(summary))
                    .mapToInt(Finding::column)
                    .findFirst()
                    .orElse(0);
        }

        static Item passed(String name, Path file, int line, String summary, List<String> details, JsonNode data) {
            return new Item(name, file, line, Outcome.PASSED, summary, details, List.of(), data);
        }

        /** A failure whose summary is also the error annotation at the item's place. */
        static Item failed(String name, Path file, int line, String summary, List<String> details, JsonNode data) {
            return new Item(
                    name,
                    file,
                    line,
                    Outcome.FAILED,
                    summary,
                    details,
                    List.of(new Finding(Severity.ERROR, file, line, summary)),
                    data);
        }

        static Item error(String name, Path file, int line, String message) {
            return new Item(
                    name,
                    file,
                    line,
                    Outcome.ERROR,
                    message,
                    List.of(),
                    List.of(new Finding(Severity.ERROR, file, line, message)),
                    null);
        }
    }

    Report {
        items = List.copyOf(items);
    }

    long count(Outcome outcome) {
        return items.stream().filter(item -> item.outcome() == outcome).count();
    }

    /** 2 when anything could not be judged, 1 when anything failed, 0 otherwise. */
    int exitCode() {
        if (count(Outcome.ERROR) > 0) {
            return CliExit.ERROR;
        }
        return count(Outcome.FAILED) > 0 ? CliExit.FAILED : CliExit.OK;
    }

    /** A growing list of items, for commands that build a report step by step. */
    static final class Builder {

        private final String command;
        private final List<Item> items = new ArrayList<>();
        private String emptyNote = "Nothing to check.";

        Builder(String command) {
            this.command = command;
        }

        Builder add(Item item) {
            items.add(item);
            return this;
        }

        Builder emptyNote(String note) {
            this.emptyNote = note;
            return this;
        }

        Report build() {
            return new Report(command, items, emptyNote);
        }
    }
}
