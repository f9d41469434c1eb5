package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.watershed.domain.SyntaxError;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Schema files read from disk for the offline commands, checked like the registry checks them. */
final class SchemaFiles {

    private static final SchemaParser PARSER = new SchemaParser(256);

    private SchemaFiles() {}

    /** {@code .avsc} is Avro, anything else JSON Schema, unless a format is given. */
    static SchemaFormat formatOf(Path file, SchemaFormat given) {
        if (given != null) {
            return given;
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avsc")
                ? SchemaFormat.AVRO
                : SchemaFormat.JSON_SCHEMA;
    }

    /** @throws CliException when the file cannot be read or is not a valid schema of its format */
    static ParsedSchema read(Path file, SchemaFormat format) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(file + ": cannot be read: " + e.getMessage(), e);
        }
        boolean avroTypeName = format == SchemaFormat.AVRO
                && !text.isBlank()
                && Character.isLetter(text.strip().charAt(0));
        if (!avroTypeName) {
            SyntaxError.inJson(text).ifPresent(error -> {
                throw new CliException(file + ":" + error.line() + (error.column() > 0 ? ":" + error.column() : "")
                        + ": JSON syntax: " + error.message());
            });
        }
        try {
            return PARSER.parse(format, TextNode.valueOf(text), "");
        } catch (WatershedException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        }
    }
}
