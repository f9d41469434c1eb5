package dev.watershed.domain.lineage;

import dev.watershed.domain.lineage.LineageTypes.Family;
import java.util.List;
import java.util.Set;

/**
 * What a contract says about one level of its data (the root, a property, an array's items), read lazily so that a
 * recursive contract is only followed as deep as the observed schema goes.
 */
interface ContractView {

    /** A view that says nothing: any type, any fields, none required. */
    ContractView ANYTHING = new ContractView() {
        @Override
        public String expected() {
            return "any";
        }

        @Override
        public Set<Family> accepted() {
            return Set.of();
        }

        @Override
        public List<Member> members() {
            return List.of();
        }

        @Override
        public boolean allowsUndeclared(String name) {
            return true;
        }

        @Override
        public ContractView undeclared() {
            return null;
        }

        @Override
        public ContractView items() {
            return null;
        }
    };

    /** The contract's type as it writes it, for reports ({@code integer}, {@code ["null","string"]}). */
    String expected();

    /** The observed families this level accepts; empty when the contract does not constrain the type. */
    Set<Family> accepted();

    /** The fields the contract names at this level, in declaration order. */
    List<Member> members();

    /** Whether a field the contract does not name may appear here (an open model, or a matching pattern). */
    boolean allowsUndeclared(String name);

    /** What the values of fields the contract does not name must be (a map's values); {@code null} when unsaid. */
    ContractView undeclared();

    /** What the items of an array at this level must be; {@code null} when the contract gives no items. */
    ContractView items();

    /**
     * A field the contract names.
     *
     * @param name     its name within its parent, unescaped
     * @param aliases  other names a writer may give it (Avro aliases)
     * @param required whether the contract requires it within its parent
     */
    record Member(String name, Set<String> aliases, boolean required, ContractView view) {}
}
