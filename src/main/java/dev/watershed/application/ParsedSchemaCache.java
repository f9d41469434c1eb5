package dev.watershed.application;

import dev.watershed.domain.contract.ParsedSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parsed schemas of stored versions, least recently used evicted first. Parsing checks a schema against its
 * meta-schema, and a transitive check reads every previous version, so parsing each again on every publish would
 * dominate its cost.
 */
final class ParsedSchemaCache {

    private final Map<String, ParsedSchema> entries;

    ParsedSchemaCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ParsedSchema> eldest) {
                return size() > capacity;
            }
        };
    }

    ParsedSchema get(String key, Supplier<ParsedSchema> parse) {
        synchronized (entries) {
            ParsedSchema cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ParsedSchema parsed = parse.get();
        synchronized (entries) {
            entries.put(key, parsed);
        }
        return parsed;
    }
}
