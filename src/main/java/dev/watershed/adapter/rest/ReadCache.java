package dev.watershed.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.dependency.EstateGraph;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers to the reads every consumer, serializer and CI job makes at start-up (contract versions, raw schemas,
 * field listings, assets, Confluent lookups by id), kept as the bytes sent. Everything they show changes only with
 * the estate change counter, which every write of an asset, a contract version or a subject moves: an entry is
 * served only while the counter as committed, read after the request arrived ({@link EstateGraph#committedVersion},
 * one query shared by concurrent readers), is still the one it was made at. So a read is never older than a write
 * acknowledged before it, on this replica or another. Bounded by {@code watershed.limits.read-cache-bytes}, least
 * recently used evicted first; errors are not kept (they are computed again, with their own request's details).
 */
@ApplicationScoped
public class ReadCache {

    /** A route and what selects the answer on it (path and query parameters, as sent). */
    record Key(String route, List<String> arguments) {

        Key(String route, String... arguments) {
            this(route, java.util.Arrays.asList(arguments));
        }
    }

    private record Answer(long estateVersion, byte[] body) {}

    private final EstateGraph estate;
    private final ObjectMapper json;
    private final Cache<Key, Answer> answers;

    public ReadCache(EstateGraph estate, ObjectMapper json, WatershedConfig config) {
        this.estate = estate;
        this.json = json;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(config.limits().readCacheBytes())
                .weigher((Key key, Answer answer) -> answer.body().length + 64)
                .build();
    }

    /** 200 with {@code read}'s answer written as JSON, from memory while the estate has not changed. */
    public Response json(Key key, Supplier<?> read) {
        return answer(key, () -> {
            try {
                return json.writeValueAsBytes(read.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write the answer to " + key.route(), e);
            }
        });
    }

    /** 200 with {@code read}'s text as it is (a raw schema), from memory while the estate has not changed. */
    public Response text(Key key, Supplier<String> read) {
        return answer(key, () -> read.get().getBytes(StandardCharsets.UTF_8));
    }

    private Response answer(Key key, Supplier<byte[]> read) {
        long version = estate.committedVersion();
        Answer kept = answers.getIfPresent(key);
        if (kept == null || kept.estateVersion() != version) {
            // Read after the counter: what it shows is at least as new as that version, never older.
            kept = new Answer(version, read.get());
            answers.asMap().merge(key, kept, (old, made) -> old.estateVersion() > made.estateVersion() ? old : made);
        }
        return Response.ok(kept.body()).build();
    }
}
