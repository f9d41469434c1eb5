package dev.watershed.application.asset;

import dev.watershed.domain.ConflictException;
import dev.watershed.domain.lineage.DatasetId;
import java.util.Map;

/**
 * An OpenLineage dataset names one asset: lineage events about it are attributed to that asset, so a second asset
 * cannot claim it until the first lets it go.
 */
public class LineageIdTakenException extends ConflictException {

    private final String pointer;
    private final String holder;

    /**
     * @param pointer where the id sits in the request, e.g. {@code /lineageIds/0}
     * @param holder  the asset that declares it already
     */
    public LineageIdTakenException(DatasetId id, String holder, String pointer) {
        super(
                "LINEAGE_ID_TAKEN",
                "OpenLineage dataset '" + id.name() + "' in namespace '" + id.namespace() + "' belongs to asset '"
                        + holder + "': remove it from the lineageIds of " + holder + " first");
        this.pointer = pointer;
        this.holder = holder;
    }

    /** Where the id sits in the request ({@code pointer}) and the asset that holds it ({@code asset}). */
    @Override
    public Map<String, Object> details() {
        return Map.of("pointer", pointer, "asset", holder);
    }
}
