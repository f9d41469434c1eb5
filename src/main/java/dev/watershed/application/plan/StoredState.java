package dev.watershed.application.plan;

import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyDraft;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import dev.watershed.domain.graph.VersionRange;
import dev.watershed.domain.lineage.DatasetId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Whether what a plan declares differs from what the registry stores, so that an unchanged item is left alone. */
final class StoredState {

    private StoredState() {}

    /** Description and tags left out mean none; criticality and the modes left out keep the registry's value. */
    static List<String> metadataChanges(AssetDraft draft, Asset registered) {
        List<String> changes = new ArrayList<>();
        compare(changes, "owner", draft.owner(), registered.owner());
        compare(changes, "description", draft.description(), registered.description());
        compare(changes, "replicaOf", draft.replicaOf(), registered.replicaOf());
        Set<String> tags = new TreeSet<>(draft.tags() == null ? List.of() : draft.tags());
        if (!tags.equals(new TreeSet<>(registered.tags()))) {
            changes.add("tags " + new TreeSet<>(registered.tags()) + " -> " + tags);
        }
        if (draft.subjects() != null && !new TreeSet<>(draft.subjects()).equals(new TreeSet<>(registered.subjects()))) {
            changes.add("subjects " + registered.subjects() + " -> " + new TreeSet<>(draft.subjects()));
        }
        if (draft.lineageIds() != null) {
            compareLineageIds(changes, draft.lineageIds(), registered.lineageIds());
        }
        if (draft.kind() != null && draft.kind() != registered.kind()) {
            changes.add("kind " + registered.kind() + " -> " + draft.kind());
        }
        if (draft.criticality() != null) {
            compare(changes, "criticality", draft.criticality(), registered.criticality());
        }
        if (draft.compatibility() != null) {
            compare(changes, "compatibility", draft.compatibility(), registered.compatibility());
        }
        if (draft.strictCompatibility() != null) {
            compare(changes, "strictCompatibility", draft.strictCompatibility(), registered.strictCompatibility());
        }
        return changes;
    }

    /**
     * Compared as written: an invalid id (a blank namespace) matches nothing stored, so it counts as a change and the
     * update says what is wrong with it.
     */
    private static void compareLineageIds(
            List<String> changes, List<AssetDraft.LineageId> declared, List<DatasetId> registered) {
        Set<AssetDraft.LineageId> stored = registered.stream()
                .map(id -> new AssetDraft.LineageId(id.namespace(), id.name()))
                .collect(Collectors.toSet());
        if (!new HashSet<>(declared).equals(stored)) {
            List<String> written = declared.stream()
                    .distinct()
                    .map(id -> id == null ? "(none)" : id.namespace() + "/" + id.name())
                    .sorted()
                    .toList();
            changes.add("lineageIds " + registered + " -> " + written);
        }
    }

    /** The draft declares what is stored already; anything doubtful counts as a change and is declared again. */
    static boolean unchanged(DependencyDraft draft, Dependency stored) {
        try {
            boolean sameRange = draft.versionRange() == null
                    || VersionRange.parse(draft.versionRange()).toString().equals(text(stored.versionRange()));
            List<String> fields = draft.fields() == null
                    ? List.of()
                    : draft.fields().stream()
                            .map(FieldPath::normalize)
                            .distinct()
                            .toList();
            boolean noTerms = draft.splitKey() == null
                    && (draft.targetFields() == null || draft.targetFields().isEmpty())
                    && draft.cost() == null
                    && draft.benefit() == null;
            return sameRange
                    && fields.equals(stored.fields())
                    && (draft.usage() == null ? Usage.BOTH : draft.usage()) == stored.usage()
                    && Objects.equals(draft.note(), stored.note())
                    && noTerms
                    && UsageTerms.NONE.equals(stored.terms());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean sameTerms(Dependency before, Dependency after) {
        return Objects.equals(text(before.versionRange()), text(after.versionRange()))
                && before.fields().equals(after.fields())
                && before.usage() == after.usage()
                && Objects.equals(before.note(), after.note())
                && Objects.equals(before.terms(), after.terms());
    }

    /** A lineage-only dependency has no range: {@code null}. */
    private static String text(VersionRange range) {
        return range == null ? null : range.toString();
    }

    static void compare(List<String> changes, String field, Object declared, Object registered) {
        if (!Objects.equals(declared, registered)) {
            changes.add(field + " " + (registered == null ? "(none)" : registered) + " -> "
                    + (declared == null ? "(none)" : declared));
        }
    }
}
