package dev.watershed.domain;

/** A request that clashes with the current state: a duplicate name, an asset with consumers, a cycle. */
public class ConflictException extends WatershedException {

    /** @param code e.g. {@code TEAM_EXISTS}, {@code ASSET_HAS_CONSUMERS}, {@code DEPENDENCY_CYCLE} */
    public ConflictException(String code, String detail) {
        super(code, detail);
    }
}
