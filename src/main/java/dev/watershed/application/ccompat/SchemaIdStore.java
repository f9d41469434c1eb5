package dev.watershed.application.ccompat;

import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.SchemaFormat;
import java.util.List;
import java.util.Optional;

/** The integer ids of distinct schema contents, as the Confluent API hands them out; and the contracts that have them. */
public interface SchemaIdStore {

    /** A schema content: its format and fingerprint. */
    record Content(SchemaFormat format, String fingerprint) {}

    Optional<Long> find(Content content);

    /**
     * The content's id, given out now when it has none. Runs in a transaction of its own, so that the id is kept
     * even when the caller's work later fails (an id is never reused, so a gap is harmless), and so that two
     * replicas giving out an id for the same content at once end with one: the loser reads the winner's.
     */
    long assign(Content content);

    Optional<Content> byId(long id);

    /** Every stored contract version with this content, oldest first; empty when none is left. */
    List<Contract> contractsWith(Content content);
}
