package dev.watershed.domain.asset;

import java.util.regex.Pattern;

/** An asset's name: lowercase, dot-separated namespaces such as {@code payments.transactions}. */
public record AssetName(String value) implements Comparable<AssetName> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");

    public AssetName {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidAssetException(
                    "/name",
                    "asset name '" + value + "' is invalid: use lowercase letters,"
                            + " digits,"
                            + " '.', '_' and '-', starting with a letter or digit, at most 200 characters"
                            + " (e.g. payments.transactions)");
        }
    }

    @Override
    public int compareTo(AssetName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
