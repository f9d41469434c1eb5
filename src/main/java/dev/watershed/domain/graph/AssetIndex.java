package dev.watershed.domain.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The graph's assets by name, and their names sorted and grouped by owner, by kind and by both, so that a page of
 * the estate ({@link DependencyGraph#estate}) reads only the names it returns. Not thread-safe: the graph's lock
 * guards it.
 */
final class AssetIndex {

    private static final String KEY_SEPARATOR = "\u0000";

    private final Map<String, AssetNode> nodes = new HashMap<>();
    private final NavigableSet<String> names = new TreeSet<>();
    private final Map<String, NavigableSet<String>> byOwner = new HashMap<>();
    private final Map<String, NavigableSet<String>> byKind = new HashMap<>();
    private final Map<String, NavigableSet<String>> byOwnerAndKind = new HashMap<>();

    /** The live map of assets by name, for the graph's read view; nothing may change it but this index. */
    Map<String, AssetNode> byName() {
        return Collections.unmodifiableMap(nodes);
    }

    /** @return {@code null} when there is no asset of this name */
    AssetNode get(String name) {
        return nodes.get(name);
    }

    boolean contains(String name) {
        return nodes.containsKey(name);
    }

    int size() {
        return nodes.size();
    }

    /**
     * Adds the asset, or replaces the one with its name.
     *
     * @return the asset replaced; {@code null} when the name is new
     */
    AssetNode put(AssetNode asset) {
        AssetNode previous = remove(asset.name());
        nodes.put(asset.name(), asset);
        names.add(asset.name());
        byKind.computeIfAbsent(asset.kind(), k -> new TreeSet<>()).add(asset.name());
        if (asset.owner() != null) {
            byOwner.computeIfAbsent(asset.owner(), k -> new TreeSet<>()).add(asset.name());
            byOwnerAndKind
                    .computeIfAbsent(ownerKindKey(asset.owner(), asset.kind()), k -> new TreeSet<>())
                    .add(asset.name());
        }
        return previous;
    }

    /** @return the asset removed; {@code null} when there was none of this name */
    AssetNode remove(String name) {
        AssetNode asset = nodes.remove(name);
        if (asset == null) {
            return null;
        }
        names.remove(name);
        removeFrom(byKind, asset.kind(), name);
        if (asset.owner() != null) {
            removeFrom(byOwner, asset.owner(), name);
            removeFrom(byOwnerAndKind, ownerKindKey(asset.owner(), asset.kind()), name);
        }
        return asset;
    }

    /**
     * The names of the assets with this owner and kind, sorted; {@code null} for either matches any.
     *
     * @return a live view, empty when none matches
     */
    NavigableSet<String> matching(String owner, String kind) {
        NavigableSet<String> matching;
        if (owner != null && kind != null) {
            matching = byOwnerAndKind.get(ownerKindKey(owner, kind));
        } else if (owner != null) {
            matching = byOwner.get(owner);
        } else if (kind != null) {
            matching = byKind.get(kind);
        } else {
            matching = names;
        }
        return matching == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(matching);
    }

    private static void removeFrom(Map<String, NavigableSet<String>> index, String key, String name) {
        NavigableSet<String> members = index.get(key);
        if (members != null && members.remove(name) && members.isEmpty()) {
            index.remove(key);
        }
    }

    private static String ownerKindKey(String owner, String kind) {
        return owner + KEY_SEPARATOR + kind;
    }
}
