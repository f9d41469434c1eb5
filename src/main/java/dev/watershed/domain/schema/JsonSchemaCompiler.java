package dev.watershed.domain.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import dev.watershed.domain.ComputeBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one way the registry turns JSON Schemas into networknt schemas: every resource a schema names goes through
 * {@link RemoteRefPolicy}, and every validation runs within a {@link ComputeBudget} (see {@link #validate}). Used
 * for contracts, for the meta-schemas that check them, and for the contract file format.
 *
 * <p>Immutable and thread-safe; the schemas it returns may be used by many threads at once.
 */
public final class JsonSchemaCompiler {

    /** {@code java.io.FileNotFoundException: } and the like, which networknt sometimes puts into its messages. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*: ?");

    /**
     * The base IRI of every compiled document, against which a relative {@code $id} ({@code "customer.json"}) and
     * the references beside it resolve, as RFC 3986 and the spec's "initial base URI" say. Its host is in the
     * reserved {@code .invalid} domain (RFC 2606) and {@link RemoteRefPolicy} never loads from it, so a reference
     * to a resource the document does not hold is refused, never fetched.
     */
    public static final String BASE_IRI = "https://" + RemoteRefPolicy.BASE_HOST + "/schema";

    private final RemoteRefPolicy policy;
    private final SchemaRegistryConfig config;

    /** @param config networknt's settings (regular expressions, formats, paths); the policy decides loading */
    public JsonSchemaCompiler(RemoteRefPolicy policy, SchemaRegistryConfig config) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A compiler with networknt's default settings. */
    public JsonSchemaCompiler(RemoteRefPolicy policy) {
        this(policy, SchemaRegistryConfig.getInstance());
    }

    public RemoteRefPolicy policy() {
        return policy;
    }

    /**
     * Compiles a schema document and resolves every reference in it now, so that a broken or refused one fails
     * here and not at the first record. The document's base IRI is {@link #BASE_IRI}.
     *
     * @param defaultDialect the dialect when the document names none with {@code $schema}
     * @throws RefNotAllowedException when the schema names a resource the policy refuses; the pointer is relative
     *                                to the document
     * @throws RuntimeException       networknt's own, for any other reason the schema does not compile (see
     *                                {@link #reason(Throwable)})
     */
    public Schema compile(JsonNode document, SpecificationVersion defaultDialect) {
        List<String> refused = new ArrayList<>();
        try {
            Schema schema = registry(defaultDialect, refused).getSchema(SchemaLocation.of(BASE_IRI), document);
            schema.initializeValidators();
            requireNoneRefused(document, refused);
            return schema;
        } catch (RuntimeException e) {
            requireNoneRefused(document, refused);
            throw e;
        }
    }

    /**
     * The standard meta-schema of a dialect, served from networknt's jar.
     *
     * @throws IllegalStateException if networknt does not bundle it
     */
    public Schema metaSchema(SpecificationVersion dialect) {
        List<String> refused = new ArrayList<>();
        Schema schema = registry(dialect, refused).getSchema(SchemaLocation.of(dialect.getDialectId()));
        schema.initializeValidators();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the meta-schema of " + dialect + " refers to " + refused);
        }
        return schema;
    }

    /**
     * Validates an instance, ticking the budget at every reference followed.
     *
     * @throws dev.watershed.domain.ComputeBudgetExceededException when the budget runs out
     * @throws dev.watershed.domain.ComputeCancelledException      when the budget is cancelled
     */
    public static List<Error> validate(Schema schema, JsonNode instance, ComputeBudget budget) {
        return schema.validate(
                instance, context -> context.getCollectorContext().put(BudgetedReferences.BUDGET, budget));
    }

    /** A failure's message fit for a client: networknt's words without Java class names. */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return "the schema cannot be compiled";
        }
        return CLASS_NAME.matcher(message).replaceAll("").strip();
    }

    private SchemaRegistry registry(SpecificationVersion defaultDialect, List<String> refused) {
        return SchemaRegistry.builder()
                .defaultDialectId(BudgetedReferences.dialect(defaultDialect).getId())
                // Standard dialects with budgeted references; any other $schema is loaded through the policy.
                .dialectRegistry(new DefaultDialectRegistry(BudgetedReferences::dialect))
                .schemaLoader(policy.schemaLoader(refused::add))
                .schemaRegistryConfig(config)
                .build();
    }

    private void requireNoneRefused(JsonNode document, List<String> refused) {
        if (!refused.isEmpty()) {
            String reference = refused.get(0);
            throw new RefNotAllowedException(
                    ReferenceLocator.pointerOf(document, reference), reference, policy.allowedHosts());
        }
    }
}
