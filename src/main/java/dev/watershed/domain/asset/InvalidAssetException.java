package dev.watershed.domain.asset;

import dev.watershed.domain.InvalidInputException;

/** Asset metadata that breaks a rule (name format, unknown owner...). */
public class InvalidAssetException extends InvalidInputException {

    public InvalidAssetException(String pointer, String detail) {
        super("INVALID_ASSET", pointer, detail);
    }
}
