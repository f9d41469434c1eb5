package dev.watershed.application.ccompat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watershed.application.ccompat.SchemaIdStore.Content;
import dev.watershed.domain.contract.Contract;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Schema ids, held in memory once read: an id never changes and is never reused, so what one replica read stays true
 * on every replica; only which contracts carry a content changes, and that is read from the store each time.
 */
@ApplicationScoped
public class SchemaIds {

    private final SchemaIdStore store;
    private final ConcurrentMap<Content, Long> idsByContent = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Content> contentsById = new ConcurrentHashMap<>();
    /**
     * A contract holding each id's schema, for {@code GET /schemas/ids/{id}}, which every consumer asks at start-up:
     * the content of an id never changes, so any contract with it answers, for as long as the registry runs.
     */
    private final Cache<Long, Contract> schemasById =
            Caffeine.newBuilder().maximumSize(10_000).build();

    SchemaIds(SchemaIdStore store) {
        this.store = store;
    }

    /** The id of the contract's schema, given out now when it has none yet. */
    public long of(Contract contract) {
        Content content = new Content(contract.format(), contract.fingerprint());
        Long known = idsByContent.get(content);
        if (known != null) {
            return known;
        }
        long id = store.find(content).orElseGet(() -> store.assign(content));
        idsByContent.put(content, id);
        contentsById.put(id, content);
        return id;
    }

    /** A contract version whose schema has this id; empty for an unknown id or one no contract has. */
    public Optional<Contract> schema(long id) {
        Contract known = schemasById.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Contract> found = contracts(id).stream().findFirst();
        found.ifPresent(contract -> schemasById.put(id, contract));
        return found;
    }

    /** The contract versions whose schema has this id, oldest first; empty for an unknown id or one no longer used. */
    public List<Contract> contracts(long id) {
        Content content = contentsById.get(id);
        if (content == null) {
            content = store.byId(id).orElse(null);
            if (content == null) {
                return List.of();
            }
            contentsById.put(id, content);
            idsByContent.put(content, id);
        }
        return store.contractsWith(content);
    }
}
