package dev.watershed.domain.compatibility;

/**
 * Builds and describes JSON Pointers into the data (not into the schema document): {@code /customer/email}, with
 * {@code *} for any array element or map value.
 */
final class DataPath {

    static final String ROOT = "";
    static final String ANY = "*";

    private DataPath() {}

    static String child(String path, String name) {
        return path + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String element(String path) {
        return path + "/" + ANY;
    }

    /**
     * How a message names the place: {@code property `customer.email`}, {@code every element of `lines`}.
     *
     * @param noun what the format calls a named member: "property" in JSON Schema, "field" in Avro
     */
    static String subject(String path, String noun) {
        if (path.isEmpty()) {
            return "the root value";
        }
        if (path.endsWith("/" + ANY)) {
            String parent = path.substring(0, path.length() - 2);
            return parent.isEmpty() ? "every element of the root value" : "every element of `" + dotted(parent) + "`";
        }
        return noun + " `" + dotted(path) + "`";
    }

    /** {@code /lines/*}{@code /price} reads as {@code lines[*].price}. */
    static String dotted(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (ANY.equals(segment)) {
                out.append("[*]");
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.toString();
    }
}
