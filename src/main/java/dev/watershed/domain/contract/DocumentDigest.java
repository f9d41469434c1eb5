package dev.watershed.domain.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 that two JSON documents share exactly when their {@link SchemaParser#canonical} forms are equal (the
 * same members, in any order), computed in one walk straight into the digest: a cache keyed by it pays a few
 * milliseconds for a large schema instead of writing its sorted JSON text first.
 *
 * <p>The walk encodes each value with a type tag and a length before its content, so no two different documents
 * encode alike. It recurses: call it only on documents whose depth has been checked
 * ({@link SchemaParser#document}).
 *
 * @param sha256 the digest, in lowercase hex
 * @param length how many bytes were digested, about the length of the document's compact JSON
 */
public record DocumentDigest(String sha256, long length) {

    public static DocumentDigest of(JsonNode document) {
        Writer writer = new Writer();
        writer.value(document);
        return writer.finish();
    }

    private static final class Writer {
        private final MessageDigest digest;
        private final byte[] buffer = new byte[8192];
        private int used;
        private long length;

        Writer() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        void value(JsonNode node) {
            switch (node.getNodeType()) {
                case OBJECT -> {
                    String[] names = new String[node.size()];
                    int index = 0;
                    for (String name : (Iterable<String>) node::fieldNames) {
                        names[index++] = name;
                    }
                    Arrays.sort(names);
                    tagged('{', names.length);
                    for (String name : names) {
                        text(name);
                        value(node.get(name));
                    }
                }
                case ARRAY -> {
                    tagged('[', node.size());
                    for (JsonNode element : node) {
                        value(element);
                    }
                }
                case STRING -> {
                    put('"');
                    text(node.textValue());
                }
                // Jackson writes a number as this text too, so 1 and 1.0 stay apart exactly as they do there.
                case NUMBER -> {
                    put('#');
                    text(node.asText());
                }
                case BOOLEAN -> put(node.booleanValue() ? 't' : 'f');
                default -> put('n');
            }
        }

        private void tagged(char tag, int count) {
            put(tag);
            number(count);
        }

        private void text(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            number(bytes.length);
            if (used + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                digest.update(bytes);
            } else {
                System.arraycopy(bytes, 0, buffer, used, bytes.length);
                used += bytes.length;
            }
            length += bytes.length;
        }

        private void number(int value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                put((char) ((value >>> shift) & 0xff));
            }
        }

        private void put(char value) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) value;
            length++;
        }

        private void flush() {
            digest.update(buffer, 0, used);
            used = 0;
        }

        DocumentDigest finish() {
            flush();
            return new DocumentDigest(HexFormat.of().formatHex(digest.digest()), length);
        }
    }
}
