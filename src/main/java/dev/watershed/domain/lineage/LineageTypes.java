package dev.watershed.domain.lineage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the type names OpenLineage emitters write into a {@code schema} facet (Spark, SQL engines, Avro, the spec's
 * own examples) as families a contract's types can be compared with. Names are case-insensitive and their
 * parameters are ignored: {@code VARCHAR(255)} is a string, {@code decimal(10,2)} a number, {@code array<string>} an
 * array, {@code struct<a:int>} an object.
 */
public final class LineageTypes {

    /** What a value of a type is, at the level of detail on which two schema languages can agree. */
    public enum Family {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        /** Timestamps, dates and times, which data formats carry as strings or as integers with a logical type. */
        TEMPORAL,
        BYTES,
        OBJECT,
        ARRAY
    }

    private static final Map<String, Family> FAMILIES = families();

    /** The exact numeric types, whose scale says whether they hold integers. */
    private static final Set<String> DECIMALS = Set.of("decimal", "numeric", "number");

    private LineageTypes() {}

    /**
     * The family of an observed type name; {@code null} when the name is {@code null}, blank or not one this class
     * knows (including {@code union} and {@code json}), so that callers say nothing rather than raise a false alarm.
     */
    public static Family familyOf(String type) {
        String base = baseName(type);
        if (base == null) {
            return null;
        }
        if (type.strip().endsWith("[]")) {
            // PostgreSQL writes its arrays as the element type followed by [] (text[], int4[]).
            return Family.ARRAY;
        }
        Family family = FAMILIES.get(base);
        if (DECIMALS.contains(base) && hasScaleZero(type)) {
            // NUMBER(38,0) is how Snowflake and Oracle report an integer column; decimal(10) has scale 0 as well.
            return Family.INTEGER;
        }
        return family;
    }

    /** Whether the type is a map, whose facet fields are {@code key} and {@code value} rather than named fields. */
    public static boolean isMap(String type) {
        return "map".equals(baseName(type));
    }

    /** Whether the type is a union, whose facet fields ({@code _0}, {@code _1}, ...) are its member types. */
    public static boolean isUnion(String type) {
        return "union".equals(baseName(type));
    }

    /**
     * The element type written inside an array type name ({@code string} for {@code array<string>},
     * {@code array<int>} for {@code ARRAY<ARRAY<INT>>}, {@code text} for {@code text[]}); {@code null} when the name
     * gives none.
     */
    public static String elementType(String type) {
        if (familyOf(type) != Family.ARRAY) {
            return null;
        }
        String trimmed = type.strip();
        if (trimmed.endsWith("[]")) {
            return trimmed.substring(0, trimmed.length() - 2).strip();
        }
        for (String brackets : new String[] {"<>", "()"}) {
            int open = trimmed.indexOf(brackets.charAt(0));
            int close = trimmed.lastIndexOf(brackets.charAt(1));
            if (open > 0 && close > open + 1) {
                return trimmed.substring(open + 1, close).strip();
            }
        }
        return null;
    }

    /** The lowercase first word of a type name, before any parameters: {@code timestamp} for "TIMESTAMP(6) WITH..". */
    private static String baseName(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String lower = type.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < lower.length() && (Character.isLetterOrDigit(lower.charAt(end)) || lower.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? null : lower.substring(0, end);
    }

    private static boolean hasScaleZero(String type) {
        int open = type.indexOf('(');
        int close = type.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return false;
        }
        String[] parameters = type.substring(open + 1, close).split(",");
        return parameters.length == 1
                || parameters.length == 2 && parameters[1].strip().equals("0");
    }

    private static Map<String, Family> families() {
        Map<String, Family> families = new HashMap<>();
        put(
                families,
                Family.STRING,
                "string",
                "varchar",
                "varchar2",
                "nvarchar",
                "nvarchar2",
                "char",
                "nchar",
                "character",
                "bpchar",
                "text",
                "tinytext",
                "mediumtext",
                "longtext",
                "citext",
                "clob",
                "uuid",
                "enum");
        put(
                families,
                Family.INTEGER,
                "int",
                "integer",
                "bigint",
                "long",
                "smallint",
                "tinyint",
                "mediumint",
                "int2",
                "int4",
                "int8",
                "int16",
                "int32",
                "int64",
                "short",
                "byte",
                "serial",
                "bigserial",
                "smallserial");
        put(
                families,
                Family.NUMBER,
                "float",
                "float4",
                "float8",
                "double",
                "decimal",
                "numeric",
                "number",
                "real",
                "bignumeric",
                "float32",
                "float64");
        put(families, Family.BOOLEAN, "boolean", "bool");
        put(
                families,
                Family.TEMPORAL,
                "timestamp",
                "timestamp_ntz",
                "timestamp_ltz",
                "timestamp_tz",
                "timestamptz",
                "date",
                "time",
                "timetz",
                "datetime",
                "datetime2",
                "smalldatetime",
                "datetimeoffset",
                "date32",
                "date64");
        put(families, Family.BYTES, "binary", "bytes", "varbinary", "bytea", "blob", "fixed");
        put(families, Family.OBJECT, "struct", "record", "object", "row", "map");
        put(families, Family.ARRAY, "array", "list");
        return Map.copyOf(families);
    }

    private static void put(Map<String, Family> families, Family family, String... names) {
        for (String name : names) {
            families.put(name, family);
        }
    }
}
