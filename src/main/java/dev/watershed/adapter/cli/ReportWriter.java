package dev.watershed.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Writes a {@link Report} in one {@link OutputFormat}. */
final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    static void write(Report report, OutputFormat format, PrintWriter out) {
        switch (format) {
            case text -> text(report, out);
            case json -> json(report, out);
            case junit -> junit(report, out);
            case github -> github(report, out);
            case markdown -> markdown(report, out);
        }
        out.flush();
    }

    /** A path as people read it: relative to the working directory when it lies below it. */
    static String display(Path file) {
        if (file == null) {
            return "";
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute)
                .toString()
                .replace('\\', '/');
    }

    private static void text(Report report, PrintWriter out) {
        if (report.items().isEmpty()) {
            out.println(report.emptyNote());
            return;
        }
        for (Report.Item item : report.items()) {
            String where = item.file() == null
                    ? ""
                    : " (" + display(item.file()) + ":" + item.line() + column(item.column()) + ")";
            out.println(label(item.outcome()) + " " + item.name() + where + ": " + item.summary());
            for (String detail : item.details()) {
                out.println("    " + detail);
            }
            for (Report.Finding finding : item.findings()) {
                if (!repeats(item, finding)) {
                    out.println("    " + location(finding)
                            + finding.severity().name().toLowerCase(Locale.ROOT) + ": " + finding.message());
                }
            }
        }
        out.println(tally(report));
    }

    /**
     * A finding the item's line already says: its summary, or the summary ends with it at the item's place
     * ("would be refused: " and the refusal).
     */
    private static boolean repeats(Report.Item item, Report.Finding finding) {
        return finding.message().equals(item.summary())
                || finding.line() == item.line()
                        && Objects.equals(finding.file(), item.file())
                        && item.summary().endsWith(finding.message());
    }

    private static String location(Report.Finding finding) {
        return finding.file() == null
                ? ""
                : display(finding.file()) + ":" + finding.line() + column(finding.column()) + ": ";
    }

    /** {@code :3} after a line, as compilers write it; nothing when the column is not known. */
    private static String column(int column) {
        return column > 0 ? ":" + column : "";
    }

    private static String label(Report.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "ok  ";
            case FAILED -> "FAIL";
            case ERROR -> "ERR ";
        };
    }

    private static String tally(Report report) {
        return report.command() + ": " + report.count(Report.Outcome.PASSED) + " passed, "
                + report.count(Report.Outcome.FAILED) + " failed, " + report.count(Report.Outcome.ERROR) + " errors";
    }

    private static void json(Report report, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", report.command());
        root.put("exitCode", report.exitCode());
        root.put("passed", report.count(Report.Outcome.PASSED));
        root.put("failed", report.count(Report.Outcome.FAILED));
        root.put("errors", report.count(Report.Outcome.ERROR));
        if (report.items().isEmpty()) {
            root.put("note", report.emptyNote());
        }
        ArrayNode items = root.putArray("items");
        for (Report.Item item : report.items()) {
            ObjectNode node = items.addObject();
            node.put("name", item.name());
            node.put("file", item.file() == null ? null : display(item.file()));
            node.put("line", item.line());
            node.put("outcome", item.outcome().name());
            node.put("summary", item.summary());
            ArrayNode details = node.putArray("details");
            item.details().forEach(details::add);
            ArrayNode findings = node.putArray("findings");
            for (Report.Finding finding : item.findings()) {
                ObjectNode found = findings.addObject()
                        .put("severity", finding.severity().name())
                        .put("file", finding.file() == null ? null : display(finding.file()))
                        .put("line", finding.line());
                if (finding.column() > 0) {
                    found.put("column", finding.column());
                }
                found.put("message", finding.message());
            }
            if (item.data() != null) {
                node.set("data", item.data());
            }
        }
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
    }

    private static void junit(Report report, PrintWriter out) {
        String suite = "watershed " + report.command();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"" + xml(suite) + "\" tests=\""
                + report.items().size() + "\" failures=\"" + report.count(Report.Outcome.FAILED) + "\" errors=\""
                + report.count(Report.Outcome.ERROR) + "\">");
        out.println("  <testsuite name=\"" + xml(suite) + "\" tests=\""
                + report.items().size() + "\" failures=\""
                + report.count(Report.Outcome.FAILED) + "\" errors=\"" + report.count(Report.Outcome.ERROR)
                + "\" skipped=\"0\">");
        for (Report.Item item : report.items()) {
            out.print("    <testcase classname=\"watershed." + xml(report.command()) + "\" name=\"" + xml(item.name())
                    + "\""
                    + (item.file() == null
                            ? ""
                            : " file=\"" + xml(display(item.file())) + "\" line=\"" + item.line() + "\"")
                    + ">");
            String body = String.join("\n", lines(item));
            switch (item.outcome()) {
                case FAILED ->
                    out.print("\n      <failure message=\"" + xml(item.summary()) + "\" type=\"FAILED\">" + xml(body)
                            + "</failure>\n    ");
                case ERROR ->
                    out.print("\n      <error message=\"" + xml(item.summary()) + "\" type=\"ERROR\">" + xml(body)
                            + "</error>\n    ");
                case PASSED -> out.print("\n      <system-out>" + xml(body) + "</system-out>\n    ");
            }
            out.println("</testcase>");
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
    }

    private static List<String> lines(Report.Item item) {
        List<String> lines = new ArrayList<>();
        lines.add(item.summary());
        lines.addAll(item.details());
        for (Report.Finding finding : item.findings()) {
            if (!repeats(item, finding)) {
                lines.add(location(finding) + finding.severity().name().toLowerCase(Locale.ROOT) + ": "
                        + finding.message());
            }
        }
        return lines;
    }

    private static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // XML 1.0 has no place for other control characters.
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** GitHub workflow commands: one annotation per finding, at its file and line; the details as a group. */
    private static void github(Report report, PrintWriter out) {
        for (Report.Item item : report.items()) {
            for (Report.Finding finding : item.findings()) {
                String command = switch (finding.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case NOTICE -> "notice";
                };
                StringBuilder line = new StringBuilder("::").append(command);
                List<String> properties = new ArrayList<>();
                if (finding.file() != null) {
                    properties.add("file=" + property(display(finding.file())));
                    properties.add("line=" + finding.line());
                    if (finding.column() > 0) {
                        properties.add("col=" + finding.column());
                    }
                }
                properties.add("title=" + property("watershed " + report.command() + ": " + item.name()));
                line.append(' ').append(String.join(",", properties));
                String message = finding.message().equals(item.summary())
                                && !item.details().isEmpty()
                        ? item.summary() + "\n" + String.join("\n", item.details())
                        : finding.message();
                out.println(line.append("::").append(data(message)));
            }
        }
        out.println("::group::watershed " + report.command());
        text(report, out);
        out.println("::endgroup::");
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private static void markdown(Report report, PrintWriter out) {
        out.println("### watershed " + report.command());
        out.println();
        if (report.items().isEmpty()) {
            out.println(report.emptyNote());
            return;
        }
        out.println("**" + report.count(Report.Outcome.FAILED) + " failed**, " + report.count(Report.Outcome.ERROR)
                + " errors, " + report.count(Report.Outcome.PASSED) + " passed");
        out.println();
        out.println("| | Name | File | Result |");
        out.println("|---|---|---|---|");
        for (Report.Item item : report.items()) {
            String icon = switch (item.outcome()) {
                case PASSED -> ":white_check_mark:";
                case FAILED -> ":x:";
                case ERROR -> ":warning:";
            };
            out.println("| " + icon + " | `" + item.name() + "` | "
                    + (item.file() == null ? "" : "`" + display(item.file()) + ":" + item.line() + "`") + " | "
                    + cell(item.summary()) + " |");
        }
        for (Report.Item item : report.items()) {
            List<String> lines = lines(item);
            if (lines.size() <= 1) {
                continue;
            }
            out.println();
            out.println("<details" + (item.outcome() == Report.Outcome.PASSED ? "" : " open") + "><summary><code>"
                    + html(item.name()) + "</code></summary>");
            out.println();
            lines.subList(1, lines.size()).forEach(line -> out.println("- " + line));
            out.println();
            out.println("</details>");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
