package dev.watershed.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where a YAML or JSON document stops parsing, and why, in one sentence without the parser's trace (no "in 'reader'"
 * excerpt, no "[Source: ...]" location), so that a report can put it after {@code file:line:column:}.
 *
 * @param line    1-based line of the problem
 * @param column  1-based column of the problem; 0 when the parser did not say
 * @param message the reason, lower case first, ending without a full stop
 */
public record SyntaxError(int line, int column, String message) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern SOURCE =
            Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]", Pattern.DOTALL);
    private static final Pattern CHARACTER_CODE = Pattern.compile("\\s*\\(code -?\\d+\\)");

    /**
     * Reads what SnakeYAML says through Jackson. Jackson's own location is where its last token started, often the
     * line before the problem; SnakeYAML's problem mark is where scanning failed, the place PyYAML and editors name.
     */
    public static SyntaxError ofYaml(JsonProcessingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark problem = marked.getProblemMark();
                StringBuilder message = new StringBuilder(yamlWords(marked.getProblem()));
                Mark context = marked.getContextMark();
                if (marked.getContext() != null && context != null && context.getIndex() != problem.getIndex()) {
                    // "while scanning a quoted scalar" says where the unclosed thing began, which is where to look.
                    message.append(" (")
                            .append(marked.getContext().strip())
                            .append(" at line ")
                            .append(context.getLine() + 1)
                            .append(", column ")
                            .append(context.getColumn() + 1)
                            .append(')');
                }
                return new SyntaxError(problem.getLine() + 1, problem.getColumn() + 1, message.toString());
            }
        }
        return ofLocation(failure);
    }

    /** Reads what Jackson says of a JSON document: its location is the character it stopped at. */
    public static SyntaxError ofJson(JsonProcessingException failure) {
        return ofLocation(failure);
    }

    /** The first syntax error of a JSON text; empty when it is JSON. */
    public static Optional<SyntaxError> inJson(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            while (parser.nextToken() != null) {
                // Reading every token is enough: the first syntax error throws, with its location.
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of(ofJson(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    private static SyntaxError ofLocation(JsonProcessingException failure) {
        JsonLocation location = failure.getLocation();
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        String original = failure.getOriginalMessage() == null ? "cannot be parsed" : failure.getOriginalMessage();
        String message = SOURCE.matcher(original).replaceAll("line $1, column $2");
        message = CHARACTER_CODE.matcher(message).replaceAll("");
        return new SyntaxError(line, column, sentence(message));
    }

    private static String yamlWords(String problem) {
        if (problem == null) {
            return "cannot be parsed";
        }
        if (problem.contains("\\t(TAB)")) {
            return "found a tab character that cannot start any token: indent with spaces, not tabs";
        }
        return sentence(problem.replace("<stream end>", "the end of the file")
                .replace("unexpected end of stream", "the end of the file"));
    }

    private static String sentence(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ").strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            return "cannot be parsed";
        }
        // "Unexpected character" reads as the middle of a sentence after "JSON syntax: ".
        return line.length() > 1 && Character.isUpperCase(line.charAt(0)) && Character.isLowerCase(line.charAt(1))
                ? Character.toLowerCase(line.charAt(0)) + line.substring(1)
                : line;
    }
}
