package dev.watershed.adapter.rest;

import dev.watershed.application.validation.UnsupportedBatchFormatException;
import dev.watershed.domain.WatershedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The text of an OpenLineage event as its HTTP transport sends it: plain JSON, or gzip-compressed JSON with
 * {@code Content-Encoding: gzip} ({@code compression: gzip} in the client's settings). The server does not inflate
 * request bodies itself (see application.properties), so it is done here, and stops as soon as the text would pass
 * {@code watershed.lineage.max-event-bytes}: a small compressed body may inflate to gigabytes.
 */
final class LineageBodies {

    /** An event larger than allowed once inflated (413). */
    static final class EventTooLargeException extends WatershedException {
        EventTooLargeException(long limit) {
            super(
                    "LINEAGE_EVENT_TOO_LARGE",
                    "the event is larger than " + limit + " bytes once decompressed"
                            + " (watershed.lineage.max-event-bytes)");
        }
    }

    /** A body that says it is gzip and is not (400). */
    static final class UndecodableBodyException extends WatershedException {
        UndecodableBodyException(String detail) {
            super("UNDECODABLE_BODY", detail);
        }
    }

    private LineageBodies() {}

    static String text(byte[] body, String contentEncoding, long maxBytes) {
        String encoding =
                contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> {
                if (body.length > maxBytes) {
                    throw new EventTooLargeException(maxBytes);
                }
                yield new String(body, StandardCharsets.UTF_8);
            }
            case "gzip", "x-gzip" -> inflated(body, maxBytes);
            default ->
                throw new UnsupportedBatchFormatException("Content-Encoding '" + contentEncoding
                        + "' is not supported for lineage events: send them as they are or with gzip");
        };
    }

    private static String inflated(byte[] body, long maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw new EventTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (ZipException | EOFException e) {
            throw new UndecodableBodyException(
                    "the body says Content-Encoding: gzip but is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new UndecodableBodyException("the gzip body could not be read: " + e.getMessage());
        }
    }
}
