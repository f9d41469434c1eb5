package dev.watershed.domain.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.DynamicRefValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.keyword.RecursiveRefValidator;
import com.networknt.schema.keyword.RefValidator;
import com.networknt.schema.path.NodePath;
import dev.watershed.domain.ComputeBudget;
import java.util.EnumMap;
import java.util.Map;

/**
 * networknt's dialects with {@code $ref}, {@code $dynamicRef} and {@code $recursiveRef} that tick the
 * {@link ComputeBudget} of the validation in progress before they follow the reference. A schema without
 * references is a tree and validating against it costs at most its size times the record's; only references can
 * share a subschema between exponentially many evaluation paths ({@code allOf} of two references to a definition
 * that does the same, level after level), so ticking there bounds every validation.
 */
final class BudgetedReferences {

    /** Where a validation carries its budget: its collector context, which networknt creates for every call. */
    static final Object BUDGET = new Object();

    private static final Map<SpecificationVersion, Dialect> DIALECTS = new EnumMap<>(SpecificationVersion.class);

    static {
        for (SpecificationVersion version : SpecificationVersion.values()) {
            Dialect standard = com.networknt.schema.Specification.getDialect(version);
            if (standard == null) {
                continue;
            }
            Dialect.Builder budgeted = Dialect.builder(standard);
            for (Keyword keyword :
                    new Keyword[] {new Reference("$ref"), new Reference("$dynamicRef"), new Reference("$recursiveRef")
                    }) {
                if (standard.getKeywords().containsKey(keyword.getValue())) {
                    budgeted.keyword(keyword);
                }
            }
            DIALECTS.put(version, budgeted.build());
        }
    }

    private BudgetedReferences() {}

    /** The budgeted dialect of a standard dialect id (with or without its trailing {@code #}), or {@code null}. */
    static Dialect dialect(String dialectId) {
        String wanted = withoutEmptyFragment(dialectId);
        for (Map.Entry<SpecificationVersion, Dialect> entry : DIALECTS.entrySet()) {
            if (withoutEmptyFragment(entry.getValue().getId()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static Dialect dialect(SpecificationVersion version) {
        return DIALECTS.get(version);
    }

    private static String withoutEmptyFragment(String iri) {
        return iri != null && iri.endsWith("#") ? iri.substring(0, iri.length() - 1) : String.valueOf(iri);
    }

    static void tick(ExecutionContext context) {
        ComputeBudget budget = context.getCollectorContext().get(BUDGET);
        if (budget != null) {
            budget.tick();
        }
    }

    /** One of the three reference keywords, creating networknt's own validator with a tick in front. */
    private record Reference(String getValue) implements Keyword {

        @Override
        public KeywordValidator newValidator(
                SchemaLocation location, JsonNode node, Schema parent, SchemaContext context) {
            return switch (getValue) {
                case "$ref" -> new BudgetedRef(location, node, parent, context);
                case "$dynamicRef" -> new BudgetedDynamicRef(location, node, parent, context);
                default -> new BudgetedRecursiveRef(location, node, parent, context);
            };
        }
    }

    private static final class BudgetedRef extends RefValidator {

        BudgetedRef(SchemaLocation location, JsonNode node, Schema parent, SchemaContext context) {
            super(location, node, parent, context);
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath instanceLocation) {
            tick(context);
            super.validate(context, node, root, instanceLocation);
        }
    }

    private static final class BudgetedDynamicRef extends DynamicRefValidator {

        BudgetedDynamicRef(SchemaLocation location, JsonNode node, Schema parent, SchemaContext context) {
            super(location, node, parent, context);
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath instanceLocation) {
            tick(context);
            super.validate(context, node, root, instanceLocation);
        }
    }

    private static final class BudgetedRecursiveRef extends RecursiveRefValidator {

        BudgetedRecursiveRef(SchemaLocation location, JsonNode node, Schema parent, SchemaContext context) {
            super(location, node, parent, context);
        }

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath instanceLocation) {
            tick(context);
            super.validate(context, node, root, instanceLocation);
        }
    }
}
