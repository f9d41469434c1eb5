package dev.watershed.domain.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which JSON Schema dialect a document is read as.
 *
 * <p>A document that names its dialect with {@code $schema} is read as that dialect, always. One that names none is
 * read as 2020-12 when it is valid there and uses none of the keywords 2020-12 dropped or redefined; otherwise as the
 * fallback, draft-07 unless configured ({@code watershed.contracts.fallback-dialect}), the dialect Confluent Schema
 * Registry and Apicurio read such schemas as. The keywords that decide (see {@link #usesKeywordsDroppedIn202012}):
 *
 * <ul>
 *   <li>{@code items} holding an array: a tuple up to 2019-09, invalid in 2020-12 (which spells it
 *       {@code prefixItems});
 *   <li>{@code additionalItems}: the schema of the items after a tuple up to 2019-09, ignored by 2020-12;
 *   <li>{@code dependencies}: split into {@code dependentRequired} and {@code dependentSchemas} by 2019-09 and in no
 *       2020-12 vocabulary (its meta-schema still allows the word, so only looking for it tells; networknt happens
 *       to apply it under 2020-12 too, other validators need not).
 * </ul>
 *
 * <p>{@code definitions} alone does not decide: it holds schemas only for references to reach, and a
 * {@code "$ref": "#/definitions/x"} is a JSON Pointer into the document that resolves the same way in both
 * dialects, so a schema using it is read as 2020-12 and validates as it would under draft-07. (Two other changes
 * are not looked for, as no migrated schema relies on them in practice: draft-07 ignores the siblings of a
 * {@code $ref}, and its {@code $id} may be a plain-name fragment, which 2020-12's meta-schema refuses, so such a
 * schema falls back anyway.)
 *
 * <p>Only positions that hold schemas are searched: a property <em>named</em> {@code dependencies} is not the
 * keyword.
 */
public final class JsonSchemaDialects {

    /** The dialect a document with no {@code $schema} is read as when it can be. */
    public static final SpecificationVersion PREFERRED = SpecificationVersion.DRAFT_2020_12;

    /** The dialect a document with no {@code $schema} falls back to unless configured otherwise. */
    public static final SpecificationVersion DEFAULT_FALLBACK = SpecificationVersion.DRAFT_7;

    /**
     * What a contract stored before the dialect was recorded (migration V10) was read as when it named no
     * {@code $schema}: 2020-12, the only rule there was.
     */
    public static final SpecificationVersion BEFORE_DETECTION = SpecificationVersion.DRAFT_2020_12;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keywords whose value is one schema. */
    private static final Set<String> SCHEMA = Set.of(
            "additionalItems",
            "additionalProperties",
            "contains",
            "contentSchema",
            "else",
            "if",
            "items",
            "not",
            "propertyNames",
            "then",
            "unevaluatedItems",
            "unevaluatedProperties");

    /** Keywords whose value is an array of schemas. */
    private static final Set<String> SCHEMA_ARRAY = Set.of("allOf", "anyOf", "items", "oneOf", "prefixItems");

    /** Keywords whose value is an object of schemas. */
    private static final Set<String> SCHEMA_MAP =
            Set.of("$defs", "definitions", "dependencies", "dependentSchemas", "patternProperties", "properties");

    private static final Map<String, SpecificationVersion> SHORT_NAMES = Map.of(
            "draft-04", SpecificationVersion.DRAFT_4,
            "draft-06", SpecificationVersion.DRAFT_6,
            "draft-07", SpecificationVersion.DRAFT_7,
            "2019-09", SpecificationVersion.DRAFT_2019_09,
            "2020-12", SpecificationVersion.DRAFT_2020_12);

    private JsonSchemaDialects() {}

    /**
     * The dialect a document names with {@code $schema}; empty for one that names none (a boolean schema never
     * does).
     *
     * @throws InvalidSchemaException when {@code $schema} names no dialect the registry supports
     */
    public static Optional<SpecificationVersion> declared(JsonNode document, String pointer) {
        JsonNode declared = document.isObject() ? document.get("$schema") : null;
        if (declared == null) {
            return Optional.empty();
        }
        Optional<SpecificationVersion> version = declared.isTextual() ? byId(declared.textValue()) : Optional.empty();
        if (version.isEmpty()) {
            throw new InvalidSchemaException(
                    pointer + "/$schema",
                    "unsupported $schema "
                            + declared + ": use draft-04, draft-06, draft-07, 2019-09 or 2020-12"
                            + " (e.g. https://json-schema.org/draft/2020-12/schema)",
                    List.of());
        }
        return version;
    }

    /** Whether the document names its dialect with {@code $schema}. */
    public static DialectSource sourceOf(JsonNode document) {
        return document != null && document.isObject() && document.has("$schema")
                ? DialectSource.DECLARED
                : DialectSource.DETECTED;
    }

    /**
     * A dialect by its short name ({@code draft-07}, {@code 2020-12}, ...) or its URI (with or without the empty
     * fragment), as settings and stored contracts name it.
     *
     * @throws IllegalArgumentException when it names none the registry supports
     */
    public static SpecificationVersion named(String name) {
        String wanted = name == null ? "" : name.strip();
        SpecificationVersion version = SHORT_NAMES.get(wanted.toLowerCase(Locale.ROOT));
        if (version != null) {
            return version;
        }
        return byId(wanted)
                .orElseThrow(() -> new IllegalArgumentException("'" + name
                        + "' is no JSON Schema dialect: use draft-04, draft-06, draft-07, 2019-09 or 2020-12"));
    }

    /**
     * The dialect URI a contract stored before the dialect was recorded was read as: its {@code $schema}, else
     * {@link #BEFORE_DETECTION}.
     *
     * @param schemaText the stored document
     */
    public static String storedBeforeDetection(String schemaText) {
        try {
            return declared(JSON.readTree(schemaText), "")
                    .orElse(BEFORE_DETECTION)
                    .getDialectId();
        } catch (JsonProcessingException | InvalidSchemaException e) {
            // A stored schema passed these checks when it was published; a broken one is reported when parsed.
            return BEFORE_DETECTION.getDialectId();
        }
    }

    /**
     * Whether any schema in the document uses a keyword that 2020-12 dropped or redefined: {@code items} as an
     * array, {@code additionalItems} or {@code dependencies} (see the class comment).
     */
    public static boolean usesKeywordsDroppedIn202012(JsonNode document) {
        Deque<JsonNode> schemas = new ArrayDeque<>();
        schemas.push(document);
        while (!schemas.isEmpty()) {
            JsonNode schema = schemas.pop();
            if (!schema.isObject()) {
                continue;
            }
            if (schema.path("items").isArray() || schema.has("additionalItems") || schema.has("dependencies")) {
                return true;
            }
            for (Map.Entry<String, JsonNode> member : schema.properties()) {
                String keyword = member.getKey();
                JsonNode value = member.getValue();
                if (SCHEMA.contains(keyword) && value.isObject()) {
                    schemas.push(value);
                } else if (SCHEMA_ARRAY.contains(keyword) && value.isArray()) {
                    value.forEach(schemas::push);
                } else if (SCHEMA_MAP.contains(keyword) && value.isObject()) {
                    value.forEach(schemas::push);
                }
            }
        }
        return false;
    }

    /** With or without the empty fragment: networknt names draft-04 to -07 with it, 2019-09 and 2020-12 without. */
    private static Optional<SpecificationVersion> byId(String id) {
        String bare = id.replaceFirst("#$", "");
        return SpecificationVersion.fromDialectId(bare).or(() -> SpecificationVersion.fromDialectId(bare + "#"));
    }
}
