package dev.watershed.application.asset;

import dev.watershed.domain.ConflictException;
import java.util.List;
import java.util.Map;

/** An asset others still read cannot be removed without {@code force}: removing it would break them. */
public class AssetHasConsumersException extends ConflictException {

    private final List<String> consumers;

    public AssetHasConsumersException(String asset, List<String> consumers) {
        super(
                "ASSET_HAS_CONSUMERS",
                "asset '" + asset + "' is read by " + String.join(", ", consumers)
                        + ": remove those dependencies first, or delete with force=true to remove them too");
        this.consumers = List.copyOf(consumers);
    }

    /** The consumers, as the problem member {@code consumers}. */
    @Override
    public Map<String, Object> details() {
        return Map.of("consumers", consumers);
    }
}
