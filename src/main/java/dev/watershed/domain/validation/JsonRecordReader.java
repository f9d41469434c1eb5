package dev.watershed.domain.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;

/**
 * Reads one record that is a whole request body, within the size and depth of {@link ValidationLimits}, and checks
 * the depth of records that arrived already parsed. Unlike in a batch, a record that cannot be read here is the
 * request's fault as a whole, so it is thrown rather than counted. Immutable and thread-safe.
 */
public final class JsonRecordReader {

    private final ValidationLimits limits;
    private final ObjectReader reader;

    public JsonRecordReader(ValidationLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = limits.jsonReader();
    }

    /**
     * Reads the stream as one JSON value, never holding more than {@code maxRecordBytes + 1} bytes of it.
     *
     * @throws RecordTooLargeException  if the stream is longer than {@link ValidationLimits#maxRecordBytes()}
     * @throws RecordTooDeepException   if the value nests deeper than {@link ValidationLimits#maxDepth()}
     * @throws MalformedRecordException if the bytes are not exactly one JSON value
     * @throws UncheckedIOException     if reading the stream fails
     */
    public JsonNode read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(limits.maxRecordBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the record failed", e);
        }
        if (bytes.length > limits.maxRecordBytes()) {
            throw new RecordTooLargeException(limits.maxRecordBytes());
        }
        try {
            JsonNode record = reader.readTree(bytes);
            if (record == null || record.isMissingNode()) {
                throw new MalformedRecordException("the body is empty");
            }
            return record;
        } catch (StreamConstraintsException e) {
            throw new RecordTooDeepException("", limits.maxDepth());
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException(reasonOf(e));
        } catch (IOException e) {
            throw new MalformedRecordException(Objects.requireNonNullElse(e.getMessage(), "unreadable"));
        }
    }

    /** Why Jackson could not read a record, in terms of the data: its trailing-token message names Java types. */
    static String reasonOf(JsonProcessingException e) {
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return "more than one JSON value: a record is exactly one (NDJSON puts one on each line)";
        }
        return e.getOriginalMessage();
    }

    /**
     * Checks the nesting depth of an already parsed record without recursion, so the check itself cannot overflow.
     *
     * @param pointer where the record sits in the request, for the error
     * @throws RecordTooDeepException if the record nests deeper than {@link ValidationLimits#maxDepth()}
     */
    public void requireDepth(JsonNode record, String pointer) {
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {record, 1});
        while (!stack.isEmpty()) {
            Object[] entry = stack.pop();
            JsonNode node = (JsonNode) entry[0];
            int depth = (Integer) entry[1];
            if (!node.isContainerNode()) {
                continue;
            }
            if (depth > limits.maxDepth()) {
                throw new RecordTooDeepException(pointer, limits.maxDepth());
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                stack.push(new Object[] {children.next(), depth + 1});
            }
        }
    }
}
