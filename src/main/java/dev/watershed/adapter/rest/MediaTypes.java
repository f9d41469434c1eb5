package dev.watershed.adapter.rest;

import dev.watershed.application.validation.BatchFormat;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** The media types of the API beyond JAX-RS' own, and what a request's {@code Content-Type} says about its body. */
final class MediaTypes {

    /** Every error answer (RFC 9457). */
    static final String PROBLEM_JSON = "application/problem+json";
    /** A batch of JSON records, one a line. */
    static final String NDJSON = "application/x-ndjson";
    /** An Avro object container file. */
    static final String AVRO = "application/avro";

    private MediaTypes() {}

    /** How a body sent to {@code /validate} or {@code /drift} is read: anything but NDJSON or Avro is JSON. */
    static BatchFormat batchFormat(String contentType) {
        MediaType type = MediaType.valueOf(contentType);
        String base = type.getType() + "/" + type.getSubtype();
        return switch (base.toLowerCase(Locale.ROOT)) {
            case NDJSON -> BatchFormat.NDJSON;
            case AVRO -> BatchFormat.AVRO_CONTAINER;
            default -> BatchFormat.JSON;
        };
    }

    /** Whether a body of this type streams records (NDJSON or Avro); {@code false} for none. */
    static boolean isRecordStream(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(NDJSON) || type.startsWith(AVRO);
    }
}
