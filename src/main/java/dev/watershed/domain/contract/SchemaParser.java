package dev.watershed.domain.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SpecificationVersion;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.Sha256;
import dev.watershed.domain.SyntaxError;
import dev.watershed.domain.schema.AvroExpansion;
import dev.watershed.domain.schema.JsonSchemaCompiler;
import dev.watershed.domain.schema.RefNotAllowedException;
import dev.watershed.domain.schema.RemoteRefPolicy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;

/**
 * Turns a schema as a client sent it (a JSON value, or a string holding one) into a {@link ParsedSchema}, checking
 * it with its language's own rules: JSON Schema documents against the meta-schema of their dialect, Avro schemas
 * with Avro's parser. Whatever a JSON Schema refers to is resolved through {@link RemoteRefPolicy} alone, and an
 * Avro schema whose named types reuse each other along too many paths is refused before anything walks it.
 *
 * <p>Thread-safe; meta-schemas are loaded once per dialect.
 */
public final class SchemaParser {

    /**
     * The dialect a JSON Schema that names none is read as when it can be; see {@link JsonSchemaDialects} for when
     * it falls back instead.
     */
    public static final SpecificationVersion DEFAULT_DIALECT = JsonSchemaDialects.PREFERRED;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNRESOLVED_AVRO_NAME =
            Pattern.compile("\\{[^{}]*\"org\\.apache\\.avro\\.idl\\.unresolved\\.name\":\"([^\"]*)\"[^{}]*}");
    private static final List<String> AVRO_PRIMITIVES =
            List.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");
    private static final ObjectMapper CANONICAL_JSON =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final int maxDepth;
    private final JsonSchemaCompiler compiler;
    private final long maxAvroExpansion;
    private final SpecificationVersion fallbackDialect;
    private final Map<SpecificationVersion, com.networknt.schema.Schema> metaSchemas =
            new EnumMap<>(SpecificationVersion.class);

    /**
     * A parser that loads no remote schema.
     *
     * @param maxDepth deepest nesting of JSON values a schema may have; deeper ones are refused, never recursed
     */
    public SchemaParser(int maxDepth) {
        this(maxDepth, RemoteRefPolicy.localOnly(), AvroExpansion.DEFAULT_LIMIT);
    }

    /**
     * @param maxDepth         deepest nesting of JSON values a schema may have; deeper ones are refused
     * @param references       what JSON Schema references may load
     * @param maxAvroExpansion most types an Avro schema may have with its named types written out at each use
     */
    public SchemaParser(int maxDepth, RemoteRefPolicy references, long maxAvroExpansion) {
        this(maxDepth, references, maxAvroExpansion, JsonSchemaDialects.DEFAULT_FALLBACK);
    }

    /**
     * @param maxDepth         deepest nesting of JSON values a schema may have; deeper ones are refused
     * @param references       what JSON Schema references may load
     * @param maxAvroExpansion most types an Avro schema may have with its named types written out at each use
     * @param fallbackDialect  what a JSON Schema without {@code $schema} is read as when 2020-12 does not fit it
     */
    public SchemaParser(
            int maxDepth, RemoteRefPolicy references, long maxAvroExpansion, SpecificationVersion fallbackDialect) {
        this.maxDepth = maxDepth;
        this.compiler = new JsonSchemaCompiler(references);
        this.maxAvroExpansion = maxAvroExpansion;
        this.fallbackDialect = Objects.requireNonNull(fallbackDialect, "fallbackDialect");
    }

    /**
     * Loads the meta-schema of every dialect now, so that the first request of each dialect does not spend its
     * compute budget on it.
     *
     * @return this parser
     */
    public SchemaParser preloadMetaSchemas() {
        for (SpecificationVersion dialect : SpecificationVersion.values()) {
            metaSchema(dialect);
        }
        return this;
    }

    /**
     * Parses a schema with no time limit; see {@link #parse(SchemaFormat, JsonNode, String, ComputeBudget)}.
     *
     * @param input   the schema: a JSON object (or, for Avro, any JSON value), or a string holding its text
     * @param pointer where the schema sits in the request, for error reports
     */
    public ParsedSchema parse(SchemaFormat format, JsonNode input, String pointer) {
        return parse(format, input, pointer, ComputeBudget.unlimited());
    }

    /**
     * @param input   the schema: a JSON object (or, for Avro, any JSON value), or a string holding its text
     * @param pointer where the schema sits in the request, for error reports
     * @param budget  what checking the schema against its meta-schema may take
     * @throws InvalidSchemaException     when the schema is not valid in its language
     * @throws RefNotAllowedException     when a JSON Schema refers to a resource the policy refuses
     * @throws SchemaTooComplexException when an Avro schema expands beyond the limit
     */
    public ParsedSchema parse(SchemaFormat format, JsonNode input, String pointer, ComputeBudget budget) {
        budget.check();
        return parseDocument(format, document(format, input, pointer), pointer, budget);
    }

    /**
     * The first, cheap step of {@link #parse}: the schema document as a JSON tree, read from the string that holds it
     * if need be, refused when it is missing, nested deeper than the limit or holds a number beyond a double. What
     * {@link #parse} accepts is then decided by this document and the format alone, so a caller may remember it by
     * {@link #canonical} of the document.
     *
     * @throws InvalidSchemaException when there is no schema, or it has not the shape of one
     */
    public JsonNode document(SchemaFormat format, JsonNode input, String pointer) {
        if (format == null) {
            throw new InvalidSchemaException("/format", "format is required: JSON_SCHEMA or AVRO", List.of());
        }
        if (input == null || input.isMissingNode() || input.isNull()) {
            throw new InvalidSchemaException(pointer, "schema is required", List.of());
        }
        JsonNode document = input.isTextual() ? readText(format, input.textValue(), pointer) : input;
        checkShape(document, pointer);
        return document;
    }

    /**
     * The rest of {@link #parse}, for a document {@link #document} returned: checks it in its language.
     *
     * @throws InvalidSchemaException     when the schema is not valid in its language
     * @throws RefNotAllowedException     when a JSON Schema refers to a resource the policy refuses
     * @throws SchemaTooComplexException when an Avro schema expands beyond the limit
     */
    public ParsedSchema parseDocument(SchemaFormat format, JsonNode document, String pointer, ComputeBudget budget) {
        return parseDocument(format, document, pointer, budget, null);
    }

    /**
     * {@link #parseDocument(SchemaFormat, JsonNode, String, ComputeBudget)} for a stored schema, read as the dialect it
     * was read as when published, whatever the detection rule and the fallback say now.
     *
     * @param readAs the dialect URI the schema was read as ({@link ParsedSchema#dialect()}); {@code null} (and any
     *               value for Avro): detected as for a new schema. A {@code $schema} in the document always wins.
     */
    public ParsedSchema parseDocument(
            SchemaFormat format, JsonNode document, String pointer, ComputeBudget budget, String readAs) {
        return format == SchemaFormat.AVRO
                ? parseAvro(document, pointer)
                : parseJsonSchema(document, pointer, budget, readAs);
    }

    /**
     * Parses a stored schema as the dialect it was read as when published; see
     * {@link #parseDocument(SchemaFormat, JsonNode, String, ComputeBudget, String)}.
     */
    public ParsedSchema parse(
            SchemaFormat format, JsonNode input, String pointer, ComputeBudget budget, String readAs) {
        budget.check();
        return parseDocument(format, document(format, input, pointer), pointer, budget, readAs);
    }

    private JsonNode readText(SchemaFormat format, String text, String pointer) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (format == SchemaFormat.AVRO
                    && !text.isBlank()
                    && Character.isLetter(text.strip().charAt(0))) {
                // Avro allows a bare primitive type name ("string") as a whole schema.
                return JSON.getNodeFactory().textNode(text.strip());
            }
            SyntaxError error = SyntaxError.ofJson(e);
            String reason = "line " + error.line() + ", column " + error.column() + ": " + error.message();
            throw new InvalidSchemaException(
                    pointer, "the schema string is not valid JSON at " + reason, List.of(reason));
        }
    }

    /**
     * A value still to check, {@code depth} levels down, the member {@code step} of {@code parent} (an escaped name or
     * an index); its path is written out only when it is reported, as most schemas have nothing to report.
     */
    private record Pending(JsonNode node, int depth, Pending parent, String step) {

        String path() {
            Deque<String> steps = new ArrayDeque<>();
            for (Pending at = this; at.parent() != null; at = at.parent()) {
                steps.push(at.step());
            }
            StringBuilder path = new StringBuilder();
            steps.forEach(step -> path.append('/').append(step));
            return path.toString();
        }
    }

    /**
     * Refuses a schema nested deeper than the limit, before anything recurses into it, and one holding a number
     * beyond the range of a double: Jackson reads {@code 1e400} as infinity, which networknt's keywords cannot
     * compare and the canonical form cannot write as JSON.
     */
    private void checkShape(JsonNode document, String pointer) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(document, 1, null, null));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            JsonNode node = next.node();
            if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
                throw new InvalidSchemaException(
                        pointer + next.path(),
                        "the number at " + pointer + next.path()
                                + " is beyond the range of a double (about 1.8e308): write a smaller one",
                        List.of());
            }
            if (!node.isContainerNode()) {
                continue;
            }
            if (next.depth() > maxDepth) {
                throw new InvalidSchemaException(
                        pointer,
                        "the schema is nested more than " + maxDepth
                                + " levels deep; flatten it with $defs/$ref or named types, or raise"
                                + " watershed.limits.max-schema-depth",
                        List.of());
            }
            if (node.isObject()) {
                node.fields()
                        .forEachRemaining(member -> pending.push(
                                new Pending(member.getValue(), next.depth() + 1, next, escaped(member.getKey()))));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    pending.push(new Pending(node.get(i), next.depth() + 1, next, String.valueOf(i)));
                }
            }
        }
    }

    private static String escaped(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0
                ? name
                : name.replace("~", "~0").replace("/", "~1");
    }

    /** @param readAs the dialect URI a document without {@code $schema} is read as; {@code null}: detect it */
    private ParsedSchema parseJsonSchema(JsonNode document, String pointer, ComputeBudget budget, String readAs) {
        if (!document.isObject() && !document.isBoolean()) {
            throw new InvalidSchemaException(
                    pointer,
                    "a JSON Schema contract must be a JSON object (or true or false), not "
                            + document.getNodeType().name().toLowerCase(),
                    List.of());
        }
        Optional<SpecificationVersion> declared = JsonSchemaDialects.declared(document, pointer);
        Reading reading = declared.isPresent()
                ? read(document, declared.get(), budget)
                : readAs != null ? read(document, JsonSchemaDialects.named(readAs), budget) : detect(document, budget);
        SpecificationVersion dialect = reading.dialect();
        List<Error> errors = reading.errors();
        if (!errors.isEmpty()) {
            List<String> reasons = MetaSchemaViolations.reasons(errors, pointer);
            String readAsSaid = declared.isPresent()
                    ? ""
                    : "; it names no $schema, so it is read as this dialect: add $schema to choose another";
            throw new InvalidSchemaException(
                    pointer,
                    "the schema is not a valid JSON Schema (" + dialect.getDialectId() + readAsSaid + "): "
                            + String.join("; ", reasons),
                    reasons);
        }
        compile(document, dialect, pointer);
        budget.check();
        String canonical = canonical(document);
        return new ParsedSchema(
                SchemaFormat.JSON_SCHEMA,
                document,
                null,
                dialect.getDialectId(),
                canonical,
                Sha256.hex(canonical),
                canonical);
    }

    /** A dialect a document is read as, and what its meta-schema said of the document. */
    private record Reading(SpecificationVersion dialect, List<Error> errors) {}

    private Reading read(JsonNode document, SpecificationVersion dialect, ComputeBudget budget) {
        return new Reading(dialect, JsonSchemaCompiler.validate(metaSchema(dialect), document, budget));
    }

    /**
     * Reads a document without {@code $schema} by the rule in {@link JsonSchemaDialects}: as 2020-12 when it uses
     * none of the keywords 2020-12 dropped and 2020-12's meta-schema accepts it; else as the fallback. A document
     * without those keywords that neither accepts is reported against 2020-12, the dialect it looks written for.
     */
    private Reading detect(JsonNode document, ComputeBudget budget) {
        if (JsonSchemaDialects.usesKeywordsDroppedIn202012(document)) {
            return read(document, fallbackDialect, budget);
        }
        Reading preferred = read(document, JsonSchemaDialects.PREFERRED, budget);
        if (preferred.errors().isEmpty() || fallbackDialect == preferred.dialect()) {
            return preferred;
        }
        Reading fallback = read(document, fallbackDialect, budget);
        return fallback.errors().isEmpty() ? fallback : preferred;
    }

    private com.networknt.schema.Schema metaSchema(SpecificationVersion dialect) {
        synchronized (metaSchemas) {
            return metaSchemas.computeIfAbsent(dialect, compiler::metaSchema);
        }
    }

    /**
     * Compiling catches what the meta-schema cannot, such as a {@code $ref} that points nowhere; every reference is
     * resolved now, through the policy, without evaluating anything (that could take long, see the budget).
     */
    private void compile(JsonNode document, SpecificationVersion dialect, String pointer) {
        try {
            compiler.compile(document, dialect);
        } catch (RefNotAllowedException e) {
            throw e.under(pointer);
        } catch (RuntimeException e) {
            String reason = JsonSchemaCompiler.reason(e);
            throw new InvalidSchemaException(pointer, "the schema cannot be compiled: " + reason, List.of(reason));
        }
    }

    private ParsedSchema parseAvro(JsonNode document, String pointer) {
        if (document.isTextual() && !AVRO_PRIMITIVES.contains(document.textValue())) {
            // Checked here because Avro 1.12 fails on an unknown name as the whole schema with a NullPointerException.
            String reason = "a schema that is only a type name must name a primitive type ("
                    + String.join(", ", AVRO_PRIMITIVES) + "), not '" + document.textValue() + "'";
            throw new InvalidSchemaException(
                    pointer, "the schema is not a valid Avro schema: " + reason, List.of(reason));
        }
        Schema schema;
        try {
            // A bare text node serialises with its quotes: exactly Avro's form of a primitive schema.
            schema = new Schema.Parser().parse(document.toString());
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            // Avro 1.12 prints a type name it could not resolve as its internal placeholder record.
            String reason = UNRESOLVED_AVRO_NAME
                    .matcher(String.valueOf(e.getMessage()))
                    .replaceAll(unresolved -> Matcher.quoteReplacement(
                            "'" + unresolved.group(1) + "' (a type the schema does not" + " define)"));
            throw new InvalidSchemaException(
                    pointer, "the schema is not a valid Avro schema: " + reason, List.of(reason));
        } catch (NumberFormatException e) {
            // Avro 1.12 parses the default of a float or double field without checking that it is a number.
            String reason = "a default value of a float or double field is not a number (" + e.getMessage() + ")";
            throw new InvalidSchemaException(
                    pointer, "the schema is not a valid Avro schema: " + reason, List.of(reason));
        }
        if (AvroExpansion.exceeds(schema, maxAvroExpansion)) {
            throw new SchemaTooComplexException("the Avro schema at " + pointer + " has more than " + maxAvroExpansion
                    + " types when each named type is written out at every place it is used"
                    + " (watershed.limits.max-comparison-steps): its named types reuse each other along very many"
                    + " paths, which no comparison or listing of its fields could walk; reuse them fewer times");
        }
        String canonical = SchemaNormalization.toParsingForm(schema);
        String identity;
        try {
            identity = canonical(JSON.readTree(schema.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema it cannot read back", e);
        }
        return new ParsedSchema(SchemaFormat.AVRO, document, schema, null, canonical, Sha256.hex(canonical), identity);
    }

    /** Sorted keys, no insignificant whitespace. */
    public static String canonical(JsonNode node) {
        try {
            return CANONICAL_JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
