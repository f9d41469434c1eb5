package dev.watershed.domain.lineage;

import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.lineage.ContractView.Member;
import dev.watershed.domain.lineage.LineageTypes.Family;
import dev.watershed.domain.lineage.SchemaViolation.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a dataset's observed schema (the fields of an OpenLineage {@code schema} facet) with its asset's contract.
 *
 * <p>A facet is a coarse, emitter-dependent description, so the check is lenient wherever it cannot be sure: an
 * observed type it does not know, or a contract type it cannot pin down, gives no verdict on the type, and a field
 * name that matches a contract field only case-insensitively (SQL engines report identifiers in their own case)
 * counts as that field. It reports:
 *
 * <ul>
 *   <li>{@link Kind#REQUIRED_FIELD_MISSING}: a field the contract requires (JSON Schema {@code required}; an Avro
 *       field without a default that cannot be null) that the facet lacks, where the facet has its parent;
 *   <li>{@link Kind#TYPE_CHANGED}: a field whose observed type's {@link LineageTypes family} the contract's type does
 *       not accept; its nested fields are then not compared;
 *   <li>{@link Kind#FIELD_NOT_ALLOWED}: a field a closed JSON Schema object ({@code additionalProperties: false} or
 *       {@code unevaluatedProperties: false}) does not name.
 * </ul>
 *
 * <p>Nested fields are compared at the contract's pointers: {@code /address/city} for a struct's field, and
 * {@code /phones/*} for an array's items, which the facet describes as one nested field named {@code _element} (the
 * spec's convention) or, with some emitters, by listing the items' fields directly. A map's {@code value} field is
 * compared with the contract's schema for undeclared keys; a union's member fields are not compared.
 */
public final class ObservedSchemaCheck {

    /** The facet's name for an array's element (OpenLineage facet 1-1-0 onwards). */
    private static final String ELEMENT = "_element";

    private final List<SchemaViolation> violations = new ArrayList<>();
    private final List<String> addedFields = new ArrayList<>();

    private ObservedSchemaCheck() {}

    /**
     * @param observed the fields of the facet, top level first
     * @param contract the contract the dataset is held to, as {@code SchemaParser} parsed it
     * @return the violations and the added fields, both empty when the observed schema is the contract's
     * @throws dev.watershed.domain.contract.SchemaTooComplexException when resolving the contract's {@code $ref}s
     *     would take more than {@link dev.watershed.domain.contract.FieldPaths#MAX_VISITS} steps
     */
    public static ObservedSchemaVerdict check(List<LineageField> observed, ParsedSchema contract) {
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(contract, "contract");
        ContractView root = contract.format() == SchemaFormat.AVRO
                ? AvroView.of(contract.avro())
                : JsonSchemaView.of(contract.document());
        ObservedSchemaCheck check = new ObservedSchemaCheck();
        check.compareFields(observed, root, "");
        return new ObservedSchemaVerdict(check.violations, check.addedFields);
    }

    private void compareFields(List<LineageField> observed, ContractView level, String pointer) {
        List<Member> members = level.members();
        Set<String> observedNames = new HashSet<>();
        observed.forEach(field -> observedNames.add(field.name()));
        Set<Member> present = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LineageField field : observed) {
            Member member = match(field.name(), members, observedNames);
            if (member != null) {
                present.add(member);
                compareField(field, member.view(), FieldPath.child(pointer, member.name()));
            } else {
                compareUndeclared(field, level, pointer);
            }
        }
        for (Member member : members) {
            if (member.required() && !present.contains(member)) {
                String missing = FieldPath.child(pointer, member.name());
                violations.add(new SchemaViolation(
                        Kind.REQUIRED_FIELD_MISSING,
                        missing,
                        "required",
                        null,
                        "The contract requires " + missing + " but the observed schema does not have it."));
            }
        }
    }

    /** The contract field an observed name stands for: by name, by alias, else by the one name equal but for case. */
    private static Member match(String name, List<Member> members, Set<String> observedNames) {
        for (Member member : members) {
            if (member.name().equals(name)) {
                return member;
            }
        }
        for (Member member : members) {
            if (member.aliases().contains(name)) {
                return member;
            }
        }
        String folded = name.toLowerCase(Locale.ROOT);
        List<Member> alike = members.stream()
                .filter(member -> member.name().toLowerCase(Locale.ROOT).equals(folded))
                .toList();
        // Only when unambiguous, and not when the facet also has the field under its exact name.
        return alike.size() == 1 && !observedNames.contains(alike.get(0).name()) ? alike.get(0) : null;
    }

    private void compareUndeclared(LineageField field, ContractView level, String pointer) {
        String child = FieldPath.child(pointer, field.name());
        ContractView values = level.undeclared();
        if (values != null) {
            // The contract types the values of keys it does not name (a map): allowed, if of that type.
            int before = violations.size();
            compareField(field, values, child);
            if (violations.size() == before) {
                addedFields.add(child);
            }
        } else if (level.allowsUndeclared(field.name())) {
            addedFields.add(child);
        } else {
            violations.add(new SchemaViolation(
                    Kind.FIELD_NOT_ALLOWED,
                    child,
                    null,
                    field.type(),
                    "The observed schema has " + child + ", which the contract's closed model "
                            + (pointer.isEmpty() ? "at the root" : "at " + pointer) + " does not allow."));
        }
    }

    private void compareField(LineageField field, ContractView view, String pointer) {
        Family family = LineageTypes.familyOf(field.type());
        Set<Family> accepted = view.accepted();
        if (family != null && !accepted.isEmpty() && !accepted.contains(family)) {
            violations.add(new SchemaViolation(
                    Kind.TYPE_CHANGED,
                    pointer,
                    view.expected(),
                    field.type(),
                    "The contract types " + pointer + " as " + view.expected() + " but the observed schema has "
                            + field.type() + ", " + article(family) + " value."));
            return;
        }
        if (LineageTypes.isUnion(field.type())) {
            return;
        }
        if (LineageTypes.isMap(field.type())) {
            compareMapValues(field, view, pointer);
            return;
        }
        boolean nested = !field.fields().isEmpty();
        boolean array = family == Family.ARRAY
                || family == null
                        && nested
                        && view.items() != null
                        && view.members().isEmpty();
        if (array) {
            compareItems(field, view, pointer);
        } else if (nested && (family == Family.OBJECT || family == null)) {
            compareFields(field.fields(), view, pointer);
        }
    }

    private void compareItems(LineageField field, ContractView view, String pointer) {
        ContractView items = view.items() != null ? view.items() : ContractView.ANYTHING;
        String itemPointer = pointer + "/*";
        List<LineageField> nested = field.fields();
        if (nested.size() == 1 && nested.get(0).name().equals(ELEMENT)) {
            compareField(nested.get(0), items, itemPointer);
        } else if (!nested.isEmpty()) {
            compareFields(nested, items, itemPointer);
        } else {
            String element = LineageTypes.elementType(field.type());
            if (element != null) {
                compareField(new LineageField(ELEMENT, element, null, null), items, itemPointer);
            }
        }
    }

    /** A map's facet fields are {@code key} and {@code value}; the value is what the contract's map values must be. */
    private void compareMapValues(LineageField field, ContractView view, String pointer) {
        ContractView values = view.undeclared();
        if (values == null) {
            // A struct the emitter reports as a map: which keys it has is unknown, so there is nothing to compare.
            return;
        }
        for (LineageField nested : field.fields()) {
            if (nested.name().equals("value")) {
                compareField(nested, values, pointer + "/*");
            }
        }
    }

    private static String article(Family family) {
        String name = family == Family.TEMPORAL ? "date or time" : family.name().toLowerCase(Locale.ROOT);
        return (family == Family.INTEGER || family == Family.OBJECT || family == Family.ARRAY ? "an " : "a ") + name;
    }
}
