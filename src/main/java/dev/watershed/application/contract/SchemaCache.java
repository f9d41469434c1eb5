package dev.watershed.application.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.DocumentDigest;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every schema the registry parses, from a request or from a stored version, goes through here: checking a JSON
 * Schema against its meta-schema and compiling it costs far more than comparing it, and CI resends the same earlier
 * versions with every check, so schemas that parsed are remembered. A schema is immutable and what {@link
 * SchemaParser} makes of it depends only on its format and its document (the parser's limits and reference policy
 * are fixed at start), so the key is the format and a SHA-256 shared by documents with the same {@link SchemaParser#canonical}
 * form.
 *
 * <p>Only schemas that parsed are kept: a refused one is parsed again on every request and refused with the
 * pointer of that request, and a {@link ParsedSchema} holds no pointer. Documents are read and shape-checked
 * ({@link SchemaParser#document}) before the key is computed, so nothing unbounded is recursed into. A hit takes no
 * compute budget. Bounded by {@code watershed.limits.schema-cache-chars}, the total length of the documents kept
 * (as {@link DocumentDigest} counts it, about their compact JSON), least recently used evicted first. A JSON Schema's remote references, where allowed, are resolved once, when
 * it is first parsed.
 */
@ApplicationScoped
public class SchemaCache {

    /**
     * {@code chars}, the length of the document digested, follows from the hash; it is the entry's weight. {@code readAs}
     * is the dialect a stored JSON Schema without {@code $schema} was read as, {@code null} for a new schema.
     */
    private record Key(SchemaFormat format, String canonicalSha256, long chars, String readAs) {}

    private final SchemaParser parser;
    private final Cache<Key, ParsedSchema> parsed;

    @Inject
    public SchemaCache(SchemaParser parser, WatershedConfig config) {
        this(parser, config.limits().schemaCacheChars());
    }

    /** @param maxChars most length of documents kept (as {@link DocumentDigest} counts it), summed over the schemas */
    public SchemaCache(SchemaParser parser, long maxChars) {
        this.parser = parser;
        this.parsed = Caffeine.newBuilder()
                .maximumWeight(maxChars)
                .weigher((Key key, ParsedSchema schema) -> (int) Math.min(key.chars(), Integer.MAX_VALUE))
                .build();
    }

    /**
     * {@link SchemaParser#parse(SchemaFormat, JsonNode, String, ComputeBudget)}, remembered.
     *
     * @param pointer where the schema sits in this request, for error reports
     */
    public ParsedSchema parse(SchemaFormat format, JsonNode input, String pointer, ComputeBudget budget) {
        return parse(format, input, pointer, budget, null);
    }

    /**
     * {@link SchemaParser#parse(SchemaFormat, JsonNode, String, ComputeBudget, String)}, remembered.
     *
     * @param pointer where the schema sits in this request, for error reports
     * @param readAs  the dialect a schema without {@code $schema} was read as when it was published (a rollback's, a
     *                stored version's); {@code null}: detect it as for a new schema
     */
    public ParsedSchema parse(
            SchemaFormat format, JsonNode input, String pointer, ComputeBudget budget, String readAs) {
        budget.check();
        JsonNode document = parser.document(format, input, pointer);
        DocumentDigest digest = DocumentDigest.of(document);
        Key key = new Key(format, digest.sha256(), digest.length(), format == SchemaFormat.AVRO ? null : readAs);
        ParsedSchema known = parsed.getIfPresent(key);
        if (known != null) {
            return known.withDocument(document);
        }
        // Not computed inside the cache: a parse may take up to the budget, and a failure must leave nothing behind.
        ParsedSchema schema = parser.parseDocument(format, document, pointer, budget, key.readAs());
        parsed.put(key, schema);
        return schema;
    }

    /**
     * The stored schema of a version, parsed with no time limit (it was accepted when it was published) as the
     * dialect it was read as then.
     */
    public ParsedSchema schemaOf(Contract contract) {
        return parse(
                contract.format(),
                TextNode.valueOf(contract.schemaText()),
                "/schema",
                ComputeBudget.unlimited(),
                contract.dialect());
    }

    /** Schemas kept now. */
    public long size() {
        parsed.cleanUp();
        return parsed.estimatedSize();
    }

    /** Length of the documents kept now, as {@link DocumentDigest} counts it; at most the bound. */
    public long chars() {
        parsed.cleanUp();
        return parsed.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
