package dev.watershed.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link BatchProfile} record by record. Objects are descended and array elements profiled under a
 * {@code *} segment ({@code /lines/*}/price), the array itself getting length stats. Paths are kept in a tree
 * keyed by field name, so a record costs map lookups rather than string building. Not thread-safe: use one
 * profiler per batch and merge the results.
 */
public final class Profiler {

    /** Default cap on tracked field paths. */
    public static final int DEFAULT_MAX_FIELDS = 1_000;

    private final int maxFields;
    private final Map<String, FieldProfile> fields = new LinkedHashMap<>();
    private final Node root = new Node(null);
    private Node rootValue;
    private long records;
    private boolean fieldsTruncated;

    /** A profiler that tracks up to {@link #DEFAULT_MAX_FIELDS} paths. */
    public Profiler() {
        this(DEFAULT_MAX_FIELDS);
    }

    /** A profiler that tracks up to {@code maxFields} paths; further paths are ignored and flagged. */
    public Profiler(int maxFields) {
        this.maxFields = maxFields;
    }

    /** Profiles one record (normally an object; other values are profiled under the path {@code ""}). */
    public void add(JsonNode record) {
        records++;
        if (record.isObject()) {
            visitObject(root, record);
        } else {
            if (rootValue == null && !fieldsTruncated) {
                FieldProfile profile = register("");
                rootValue = profile == null ? null : new Node(profile);
            }
            if (rootValue != null) {
                visit(rootValue, record);
            }
        }
    }

    /** The profile so far; later records go on updating it. */
    public BatchProfile profile() {
        return new BatchProfile(maxFields, records, fieldsTruncated, fields);
    }

    private void visit(Node node, JsonNode value) {
        node.profile.observe(value);
        if (value.isObject()) {
            visitObject(node, value);
        } else if (value.isArray() && !value.isEmpty()) {
            Node elements = node.child("*", "*", this);
            if (elements != null) {
                for (int i = 0, size = value.size(); i < size; i++) {
                    visit(elements, value.get(i));
                }
            }
        }
    }

    private void visitObject(Node node, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Node child = node.child(entry.getKey(), null, this);
            if (child != null) {
                visit(child, entry.getValue());
            }
        }
    }

    private FieldProfile register(String path) {
        if (fields.size() >= maxFields) {
            fieldsTruncated = true;
            return null;
        }
        FieldProfile profile = new FieldProfile(path);
        fields.put(path, profile);
        return profile;
    }

    /** One path in the tree; children are created on first sight, unless the cap is reached. */
    private static final class Node {

        final FieldProfile profile;
        private final String path;
        private Map<String, Node> children;

        Node(FieldProfile profile) {
            this.profile = profile;
            this.path = profile == null ? "" : profile.path();
        }

        Node child(String name, String segment, Profiler owner) {
            if (children == null) {
                children = new HashMap<>();
            }
            Node child = children.get(name);
            if (child == null && !children.containsKey(name)) {
                FieldProfile profile = owner.register(path + "/" + (segment != null ? segment : escape(name)));
                child = profile == null ? null : new Node(profile);
                // A refused path is remembered as null so the cap check is not repeated for every record.
                children.put(name, child);
            }
            return child;
        }

        private static String escape(String name) {
            if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
                return name;
            }
            return name.replace("~", "~0").replace("/", "~1");
        }
    }
}
