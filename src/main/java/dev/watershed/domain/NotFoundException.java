package dev.watershed.domain;

/**
 * A named thing (team, asset, version, token...) that does not exist. Each kind has its own subclass, which builds
 * a readable detail from the identifier asked for and says where to look instead.
 */
public abstract class NotFoundException extends WatershedException {

    /**
     * @param code   e.g. {@code ASSET_NOT_FOUND}
     * @param detail which one was asked for and where to look instead
     */
    protected NotFoundException(String code, String detail) {
        super(code, detail);
    }
}
