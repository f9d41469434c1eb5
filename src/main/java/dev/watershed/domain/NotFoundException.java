package dev.watershed.domain;

import java.util.Locale;

/** A named thing (team, asset, version, token...) that does not exist. */
public class NotFoundException extends WatershedException {

    /**
     * @param what   the kind of thing, e.g. {@code asset}: the code becomes {@code ASSET_NOT_FOUND}
     * @param detail which one was asked for and where to look instead
     */
    public NotFoundException(String what, String detail) {
        super(what.toUpperCase(Locale.ROOT).replace(' ', '_') + "_NOT_FOUND", detail);
    }
}
