package dev.watershed.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.adapter.rest.Api;
import dev.watershed.reliability.OpenApiOperations.Operation;
import dev.watershed.reliability.OpenApiOperations.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;

/**
 * Makes hostile requests for the operations of the OpenAPI document from one {@link Random}, so that a seed replays
 * the same sequence of request shapes: path parameters that are empty, very long, unicode, {@code ..}, NUL or numbers
 * where names belong; the declared query parameters with wrong types, negative, huge, empty or repeated values; and
 * bodies shaped like the declared schema but with wrong types, missing fields, nulls, huge strings and deep nesting,
 * or random bytes, JSON scalars and arrays, truncated JSON, the wrong Content-Type or none at all. Most values stay
 * real (the {@link Fixture}'s objects) so that requests get past the first check and reach the code behind it.
 *
 * <p>Every URL it makes points at the loopback interface (port 1, where nothing listens), so that a webhook the
 * server might call never leaves the machine.
 */
final class RequestGenerator {

    /**
     * One request, as sent.
     *
     * @param path          the raw (already encoded) path
     * @param query         the raw query string without {@code ?}; empty for none
     * @param authorization the Authorization header; {@code null} for none
     * @param caller        who {@code authorization} stands for, for the report
     * @param mutations     what was done to this request, for the report
     */
    record FuzzRequest(
            Operation operation,
            String path,
            String query,
            String contentType,
            byte[] body,
            String authorization,
            String caller,
            List<String> mutations) {

        String uri() {
            return query.isEmpty() ? path : path + "?" + query;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LOOPBACK_URL = "http://127.0.0.1:1/fuzz-hook";
    private static final String MARKER = "__fuzz_raw_";

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/octet-stream",
            "application/x-ndjson",
            "application/avro",
            "application/json; charset=utf-16",
            "application/json; charset=bogus",
            "application/problem+json",
            "garbage",
            "*/*",
            "application/json;;;q=x",
            "APPLICATION/JSON",
            "text/csv",
            "image/png");

    private final Random random;
    private final OpenApiOperations api;
    /** Unique per run, not drawn from {@link #random}, so that names stay new when a seed is replayed. */
    private final String salt = UUID.randomUUID().toString().substring(0, 6);

    private Fixture fixture;
    private int counter;
    /** Raw text to put in place of a marker string after serialisation: deep nesting, huge numbers. */
    private final Map<String, String> raw = new LinkedHashMap<>();

    RequestGenerator(Random random, OpenApiOperations api, Fixture fixture) {
        this.random = random;
        this.api = api;
        this.fixture = fixture;
    }

    void use(Fixture fixture) {
        this.fixture = fixture;
    }

    FuzzRequest next(Operation operation) {
        raw.clear();
        List<String> mutations = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Parameter parameter : operation.pathParameters()) {
            pathValues.put(parameter.name(), pathValue(operation, parameter, mutations));
        }
        String query = query(operation, mutations);
        Caller caller = caller(mutations);
        String contentType = null;
        byte[] body = null;
        if (!operation.bodies().isEmpty()) {
            Body made = body(operation, mutations);
            contentType = made.contentType();
            body = made.bytes();
        } else if (chance(5)) {
            contentType = "application/json";
            body = "{\"unexpected\": true}".getBytes(StandardCharsets.UTF_8);
            mutations.add("body on an operation that takes none");
        }
        return new FuzzRequest(
                operation,
                operation.expand(pathValues),
                query,
                contentType,
                body,
                caller.authorization(),
                caller.name(),
                List.copyOf(mutations));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Path parameters
    // ---------------------------------------------------------------------------------------------------------

    private String pathValue(Operation operation, Parameter parameter, List<String> mutations) {
        String real;
        try {
            real = fixture.pathValue(operation.path(), parameter.name());
        } catch (IllegalArgumentException e) {
            real = null;
        }
        if (real != null && chance(70)) {
            return encode(real);
        }
        String value = switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> "a".repeat(pick(List.of(256, 2000, 6000)));
            case 2 -> encode(pick(List.of("ünïcødé", "名前.データ", "☃\uD834\uDD1E", "\u202Eevil", "ﬁ", "Ä.b")));
            case 3 -> pick(List.of("..", "%2E%2E", "..%2F..%2Fetc%2Fpasswd", "%2F", ".", "%5C"));
            case 4 -> pick(List.of("%00", "x%00y", "%0A", "%0D%0Aset-cookie:x", "%20", "%09", "%25", "%7F"));
            case 5 ->
                pick(List.of(
                        "0",
                        "-1",
                        "2147483648",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "1e309",
                        "NaN",
                        "1.5",
                        "0x1F",
                        "00012"));
            case 6 -> pick(List.of("abc", "latest", "true", "null", "undefined", "LATEST"));
            case 7 ->
                pick(List.of(
                        "1.0.0-rc.1%2Bbuild.5",
                        "99999999999999999999.0.0",
                        "1.0",
                        "v1.0.0",
                        "2.0.0",
                        "1.0.0.0",
                        "-1.0.0",
                        "01.0.0",
                        "1.0.0-",
                        "%5E1"));
            case 8 ->
                encode(pick(List.of(
                        "' OR '1'='1",
                        "<script>alert(1)</script>",
                        "${jndi:ldap://127.0.0.1/a}",
                        "{{7*7}}",
                        "%s%n",
                        "a b",
                        "UPPER.Case",
                        "a;b",
                        "a,b")));
            case 9 -> real == null ? "x" : encode(real + pick(List.of("x", ".", "-", "_")));
            case 10 -> real == null ? "X" : encode(real.toUpperCase(Locale.ROOT));
            case 11 -> encode(fixture.consumer());
            case 12 -> encode(fixture.otherTeam());
            default -> String.valueOf(random.nextLong());
        };
        mutations.add("path " + parameter.name() + "=" + shorten(value));
        return value;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Query parameters
    // ---------------------------------------------------------------------------------------------------------

    private String query(Operation operation, List<String> mutations) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : operation.queryParameters()) {
            int roll = random.nextInt(100);
            if (roll < 45) {
                continue;
            }
            String name = parameter.name();
            if (roll < 75) {
                pairs.add(name + "=" + encode(plausibleQuery(operation, name)));
            } else if (roll < 95) {
                String value = hostileQuery();
                mutations.add("query " + name + "=" + shorten(value));
                pairs.add(name + "=" + value);
            } else {
                mutations.add("query " + name + " repeated");
                pairs.add(name + "=" + encode(plausibleQuery(operation, name)));
                pairs.add(name + "=" + hostileQuery());
            }
        }
        if (chance(4)) {
            mutations.add("undeclared query parameter");
            pairs.add(pick(List.of("unknown=1", "limit=5", "__proto__=x", "=x", "a", "&&")));
        }
        return String.join("&", pairs);
    }

    private String plausibleQuery(Operation operation, String name) {
        return switch (name) {
            case "kind" -> pick(List.of("SOURCE", "dataset", "FEATURE", "MODEL"));
            case "limit" -> pick(List.of("1", "10", "50", "500"));
            case "offset" -> pick(List.of("0", "1", "40"));
            case "owner", "team" -> pick(List.of(fixture.team(), fixture.otherTeam()));
            case "q" -> pick(List.of("fuzz", "asset", "%", "_", "*"));
            case "tag" -> "test";
            case "force", "dryRun", "record", "profile", "unread" -> pick(List.of("true", "false", "yes", "0"));
            case "version" -> pick(List.of("latest", "1.0.0", "1.1.0"));
            case "label", "training", "serving" -> pick(List.of("training", "serving", "daily"));
            case "against" -> pick(List.of("baseline", "previous", "BASELINE"));
            case "baseline" -> String.valueOf(fixture.baselineId());
            case "direction" -> pick(List.of("UPSTREAM", "downstream", "BOTH"));
            case "depth" -> pick(List.of("0", "1", "3", "10"));
            case "from" ->
                operation.path().startsWith("/api/v1/lineage")
                        ? fixture.producer()
                        : pick(List.of("2020-01-01T00:00:00Z", "2024-06-30T12:00:00.123Z"));
            case "to" -> pick(List.of("2100-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
            case "types" -> pick(List.of("contract.published", "dependency.added,validation.failed", "x"));
            case "fields" -> pick(List.of("/amount", "/id,/amount", "amount"));
            case "status" -> pick(List.of("PENDING", "FAILED", "delivered"));
            case "severity" -> pick(List.of("ERROR", "warning", "INFO"));
            case "code" -> pick(List.of("SPLIT_WITHOUT_KEY", "UNUSED_ASSET"));
            case "unit" -> pick(List.of("USD/month", "EUR"));
            default -> "x";
        };
    }

    private String hostileQuery() {
        return switch (random.nextInt(9)) {
            case 0 -> pick(List.of("", "%20", "+"));
            case 1 -> pick(List.of("-1", "0", "-2147483649", "2147483648", "99999999999999999999", "-0"));
            case 2 -> pick(List.of("1e9", "1.5", "NaN", "Infinity", "0x10", "%2B5", "1_000"));
            case 3 -> pick(List.of("abc", "true", "null", "%5B%5D", "%7B%7D", "undefined"));
            case 4 -> encode(pick(List.of("ünï", "☃", "\uD834\uDD1E", "\u202E", "名前")));
            case 5 -> "x".repeat(pick(List.of(300, 3000)));
            case 6 -> pick(List.of("%00", "a%00b", "%0A", "%0D%0A", "%25", "%26", "%3D"));
            case 7 ->
                pick(List.of(
                        "a,b,,c", ",,,", "%2C", "2020-13-45T99:99:99Z", "2020-01-01", "%2B1000000000-01-01T00:00:00Z"));
            default -> encode(fixture.producer());
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Authorization
    // ---------------------------------------------------------------------------------------------------------

    /** An Authorization header ({@code null} for none) and who it stands for, for the report. */
    private record Caller(String authorization, String name) {}

    /** Mostly the admin, so that writes get past authentication; sometimes anyone else, or a broken header. */
    private Caller caller(List<String> mutations) {
        int roll = random.nextInt(100);
        if (roll < 78) {
            return new Caller("Bearer " + Api.ADMIN_TOKEN, "admin");
        } else if (roll < 88) {
            return new Caller("Bearer " + fixture.editorToken(), "owner's editor");
        } else if (roll < 92) {
            return new Caller("Bearer " + fixture.otherEditorToken(), "other team's editor");
        } else if (roll < 95) {
            return new Caller(null, "anonymous");
        }
        String header = pick(List.of(
                "Bearer " + fixture.revokedToken(),
                "Bearer wst_garbage",
                "Bearer",
                "Bearer ",
                "Basic YWRtaW46YWRtaW4=",
                "bearer " + Api.ADMIN_TOKEN,
                "Bearer " + "x".repeat(5000),
                "Bearer a b c",
                "Token abc"));
        mutations.add("Authorization " + shorten(header));
        return new Caller(header, "hostile header");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bodies
    // ---------------------------------------------------------------------------------------------------------

    private record Body(String contentType, byte[] bytes) {}

    private Body body(Operation operation, List<String> mutations) {
        Map.Entry<String, JsonNode> declared =
                operation.bodies().entrySet().iterator().next();
        JsonNode schema = declared.getValue();
        if ("binary".equals(schema.path("format").asText())) {
            return batch(operation, mutations);
        }
        String component = OpenApiOperations.componentName(schema);
        JsonNode shaped = shape(component, api.resolve(schema), null, 0);
        int changes = pick(List.of(0, 1, 1, 1, 2, 3));
        for (int i = 0; i < changes; i++) {
            shaped = mutateSomewhere(shaped, mutations);
        }
        byte[] bytes = serialise(shaped);
        String contentType = declared.getKey();
        int roll = random.nextInt(100);
        if (roll < 50) {
            return new Body(contentType, bytes);
        } else if (roll < 56) {
            bytes = new byte[0];
            mutations.add("empty body");
        } else if (roll < 62) {
            bytes = randomBytes(1 + random.nextInt(2000));
            mutations.add("random bytes");
        } else if (roll < 70) {
            bytes = utf8(pick(List.of(
                    "42",
                    "\"text\"",
                    "true",
                    "null",
                    "-1e999",
                    "[]",
                    "[1, 2]",
                    "[{}]",
                    "{}",
                    "\"\"",
                    "1e400",
                    "[" + new String(bytes, StandardCharsets.UTF_8) + "]")));
            mutations.add("JSON scalar or array instead of an object");
        } else if (roll < 75) {
            bytes = Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
            mutations.add("truncated JSON");
        } else if (roll < 80) {
            bytes = utf8(deep(pick(List.of(10_000, 999, 2000)), random.nextBoolean()));
            mutations.add("deeply nested document");
        } else if (roll < 84) {
            bytes = invalidUtf8(bytes);
            mutations.add("invalid UTF-8");
        } else if (roll < 86) {
            bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            mutations.add("byte order mark");
        } else if (roll < 88) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            bytes = utf8(text.startsWith("{") && text.length() > 2 ? "{\"name\":1," + text.substring(1) + "x" : text);
            mutations.add("duplicate key and trailing garbage");
        } else if (roll < 96) {
            contentType = pick(CONTENT_TYPES);
            mutations.add("Content-Type " + contentType);
        } else {
            contentType = null;
            mutations.add("no Content-Type");
        }
        return new Body(contentType, bytes);
    }

    /** A value shaped like {@code schema} (a component named {@code component}), for a field named {@code field}. */
    private JsonNode shape(String component, JsonNode schema, String field, int depth) {
        if ("JsonNode".equals(component)) {
            return anyJson(field, depth);
        }
        JsonNode plausible = plausibleField(field);
        if (plausible != null && plausible.getNodeType() == typeOf(schema) && chance(85)) {
            return plausible;
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return chance(85)
                    ? values.get(random.nextInt(values.size()))
                    : NODES.textNode(pick(List.of("NOPE", values.get(0).asText().toLowerCase(), "")));
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (chance(85)) {
                        JsonNode propertySchema = property.getValue();
                        object.set(
                                property.getKey(),
                                shape(
                                        OpenApiOperations.componentName(propertySchema),
                                        api.resolve(propertySchema),
                                        property.getKey(),
                                        depth + 1));
                    }
                }
                JsonNode additional = schema.get("additionalProperties");
                if (additional != null && additional.isObject()) {
                    for (int i = random.nextInt(4); i > 0; i--) {
                        object.set(
                                fieldPath(),
                                shape(
                                        OpenApiOperations.componentName(additional),
                                        api.resolve(additional),
                                        null,
                                        depth + 1));
                    }
                }
                return chance(75) ? alignFormats(object) : object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode items = schema.path("items");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(shape(OpenApiOperations.componentName(items), api.resolve(items), field, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(pick(List.of(0L, 1L, 42L, -1L, (long) Integer.MAX_VALUE + 1)));
            }
            case "number" -> {
                return NODES.numberNode(pick(List.of(0.5, 0.0, 1.0, 120.0, -3.5, 1e-9)));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(text());
            }
        }
    }

    private static JsonNodeType typeOf(JsonNode schema) {
        return switch (schema.path("type").asText(schema.has("enum") ? "string" : "object")) {
            case "array" -> JsonNodeType.ARRAY;
            case "string" -> JsonNodeType.STRING;
            case "integer", "number" -> JsonNodeType.NUMBER;
            case "boolean" -> JsonNodeType.BOOLEAN;
            default -> JsonNodeType.OBJECT;
        };
    }

    /**
     * Gives a request with a {@code format} and schemas ({@code schema}, {@code previous}) schemas of that one format,
     * so that most of them get past the format check into parsing and comparison.
     */
    private JsonNode alignFormats(ObjectNode request) {
        if (!request.has("format") || !request.has("schema")) {
            return request;
        }
        boolean avro = random.nextBoolean();
        request.put("format", avro ? "AVRO" : "JSON_SCHEMA");
        request.set("schema", avro ? avroSchema(0) : jsonSchema(0));
        if (request.has("previous")) {
            ArrayNode previous = request.putArray("previous");
            for (int i = random.nextInt(4); i > 0; i--) {
                previous.add(avro ? avroSchema(0) : jsonSchema(0));
            }
        }
        return request;
    }

    /** Values that make sense for a field of this name, so that requests get past validation; null for none. */
    private JsonNode plausibleField(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "name" -> NODES.textNode(pick(List.of(newName(), newName(), fixture.producer(), "Bad Name!", "")));
            case "owner", "team" ->
                NODES.textNode(pick(List.of(fixture.team(), fixture.team(), fixture.otherTeam(), "no-such-team")));
            case "asset", "replicaOf" ->
                NODES.textNode(pick(List.of(fixture.producer(), fixture.consumer(), "no.such.asset")));
            case "email" -> NODES.textNode(pick(List.of(newName() + "@example.org", "not-an-email")));
            case "webhook", "target" ->
                NODES.textNode(pick(List.of(
                        LOOPBACK_URL,
                        "fuzz@example.org",
                        "http://127.0.0.1:1/" + "p".repeat(3000),
                        "ftp://127.0.0.1/x",
                        "file:///etc/passwd",
                        "not a url",
                        "http://[::1]:1/x",
                        "http://localhost:1/x")));
            case "secret" -> NODES.textNode(pick(List.of("s3cret-s3cret-s3cret", "short", "x".repeat(600))));
            case "events" -> {
                ArrayNode events = NODES.arrayNode();
                events.add(pick(List.of("contract.published", "dependency.added", "drift.detected", "nope")));
                yield events;
            }
            case "channel" -> NODES.textNode(pick(List.of("EMAIL", "WEBHOOK", "email", "SMS")));
            case "version" ->
                NODES.textNode(pick(List.of("1.0.0", "2.0.0", "1.1.0", "3.0.0-rc.1", "latest", "1", "0.0.0")));
            case "to" -> NODES.textNode(pick(List.of("1.0.0", "1.1.0", "9.9.9", "2020-01-01T00:00:00Z")));
            case "from" -> NODES.textNode(pick(List.of("2020-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "yesterday")));
            case "label" -> NODES.textNode(pick(List.of("training", "serving", "daily", "bad label")));
            case "versionRange" ->
                NODES.textNode(pick(List.of(
                        "^1",
                        ">=1.0.0 <2.0.0",
                        "1.x",
                        "*",
                        "~1.1",
                        "^2",
                        "garbage",
                        ">=1.0.0 || <0.1.0",
                        "",
                        String.join(" || ", Collections.nCopies(60, "^1")))));
            case "splitKey" -> NODES.textNode(pick(List.of("/id", "id", "/nope")));
            case "fields", "targetFields" -> {
                ArrayNode paths = NODES.arrayNode();
                for (int i = random.nextInt(3); i >= 0; i--) {
                    paths.add(fieldPath());
                }
                yield chance(70) ? paths : null;
            }
            case "schema" -> schemaDocument();
            case "previous" -> {
                ArrayNode previous = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    previous.add(schemaDocument());
                }
                yield previous;
            }
            case "record" -> record();
            case "records" -> {
                ArrayNode records = NODES.arrayNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    records.add(record());
                }
                yield records;
            }
            case "observation" -> NODES.numberNode(fixture.observationId());
            case "driftThreshold", "skewThreshold" -> NODES.numberNode(pick(List.of(0.1, 0.0, 1.0, 1.5, -0.1)));
            default -> null;
        };
    }

    private String fieldPath() {
        return pick(List.of(
                "/id",
                "/amount",
                "/channel",
                "amount",
                "/note",
                "/nope",
                "",
                "/",
                "//",
                "/~2",
                "/a/b/c",
                "channel.x",
                "/amount/*"));
    }

    /** A JSON Schema or an Avro schema: mostly valid, sometimes not, sometimes neither. */
    private JsonNode schemaDocument() {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return jsonSchema(0);
        } else if (roll < 85) {
            JsonNode avro = avroSchema(0);
            return chance(20) ? NODES.textNode(avro.toString()) : avro;
        } else if (roll < 90) {
            return NODES.textNode(pick(List.of("{", "not a schema", "\"string\"", "{\"type\":\"record\"}")));
        }
        return anyJson("schema", 0);
    }

    private JsonNode jsonSchema(int depth) {
        ObjectNode schema = NODES.objectNode();
        if (depth == 0 && chance(20)) {
            schema.put(
                    "$schema",
                    pick(List.of(
                            "http://json-schema.org/draft-04/schema#",
                            "http://json-schema.org/draft-07/schema#",
                            "https://json-schema.org/draft/2019-09/schema",
                            "https://json-schema.org/draft/2020-12/schema",
                            "http://127.0.0.1:1/unknown",
                            "x")));
        }
        String type = depth > 3
                ? pick(List.of("string", "integer"))
                : pick(List.of("object", "object", "string", "integer", "number", "boolean", "array", "null"));
        if (chance(90)) {
            if (chance(10)) {
                ArrayNode types = schema.putArray("type");
                types.add(type);
                types.add("null");
            } else {
                schema.put("type", chance(3) ? "strung" : type);
            }
        }
        switch (type) {
            case "object" -> {
                ObjectNode properties = schema.putObject("properties");
                ArrayNode required = NODES.arrayNode();
                for (String name : List.of("id", "amount", "channel", "note", "nested")) {
                    if (chance(60)) {
                        properties.set(name, jsonSchema(depth + 1));
                        if (chance(40)) {
                            required.add(name);
                        }
                    }
                }
                if (chance(10)) {
                    required.add("missing");
                }
                if (!required.isEmpty()) {
                    schema.set("required", required);
                }
                if (chance(25)) {
                    schema.put("additionalProperties", random.nextBoolean());
                }
                if (chance(10)) {
                    schema.putObject("$defs").set("d", jsonSchema(depth + 1));
                    properties
                            .putObject("ref")
                            .put(
                                    "$ref",
                                    pick(List.of(
                                            "#/$defs/d",
                                            "#/$defs/nope",
                                            "#",
                                            "other.json",
                                            "http://127.0.0.1:1/s.json",
                                            "#/properties/id")));
                }
                if (chance(8)) {
                    ArrayNode any = schema.putArray(pick(List.of("anyOf", "oneOf", "allOf")));
                    any.add(jsonSchema(depth + 1));
                    any.add(jsonSchema(depth + 1));
                }
            }
            case "string" -> {
                if (chance(30)) {
                    schema.put("maxLength", pick(List.of(10, 0, -1, 100000)));
                }
                if (chance(15)) {
                    schema.put("pattern", pick(List.of("^[a-z]+$", "(", "[a-", "^(a+)+$", "\\p{L}+", "(?<=a)b")));
                }
                if (chance(15)) {
                    schema.put("format", pick(List.of("date-time", "email", "uuid", "unknown-format", "regex")));
                }
                if (chance(15)) {
                    schema.putArray("enum").add("web").add("store");
                }
            }
            case "integer", "number" -> {
                if (chance(30)) {
                    schema.put("minimum", pick(List.of(0, -5, 10)));
                }
                if (chance(20)) {
                    schema.put("maximum", pick(List.of(100.0, 1e308, -1.0)));
                }
                if (chance(10)) {
                    schema.put("multipleOf", pick(List.of(0.01, 0.0, 3.0)));
                }
            }
            case "array" -> {
                schema.set("items", jsonSchema(depth + 1));
                if (chance(20)) {
                    schema.put("minItems", pick(List.of(1, -1, 5)));
                }
            }
            default -> {}
        }
        if (chance(5)) {
            schema.put("description", text());
        }
        return schema;
    }

    private JsonNode avroSchema(int depth) {
        if (depth == 0 && chance(10)) {
            return NODES.textNode(pick(List.of("string", "int", "null", "nope")));
        }
        ObjectNode record = NODES.objectNode();
        record.put("type", chance(95) ? "record" : pick(List.of("error", "recrod")));
        record.put("name", pick(List.of("Order", "Order", "com.example.Order", "1bad", "")));
        if (chance(20)) {
            record.put("namespace", pick(List.of("com.example", "bad-namespace", "")));
        }
        ArrayNode fields = record.putArray("fields");
        for (String name : List.of("id", "amount", "channel", "note", "nested")) {
            if (!chance(60)) {
                continue;
            }
            ObjectNode field = fields.addObject();
            field.put("name", chance(97) ? name : "bad-name");
            JsonNode type = avroType(name, depth);
            field.set("type", type);
            if (chance(20)) {
                field.set(
                        "default",
                        pick(List.<Supplier<JsonNode>>of(
                                        NODES::nullNode,
                                        () -> NODES.numberNode(0),
                                        () -> NODES.textNode("x"),
                                        NODES::arrayNode))
                                .get());
            }
            if (chance(10)) {
                field.put("doc", text());
            }
        }
        return record;
    }

    private JsonNode avroType(String name, int depth) {
        return switch (random.nextInt(depth > 1 ? 5 : 9)) {
            case 0 -> NODES.textNode("long");
            case 1 -> NODES.textNode("double");
            case 2 -> NODES.textNode("string");
            case 3 -> NODES.arrayNode().add("null").add("string");
            case 4 -> NODES.textNode(pick(List.of("int", "boolean", "bytes", "float", "null", "strin")));
            case 5 -> NODES.objectNode().put("type", "array").put("items", "int");
            case 6 -> NODES.objectNode().put("type", "map").put("values", "string");
            case 7 -> {
                ObjectNode symbols = NODES.objectNode().put("type", "enum").put("name", "E" + name);
                symbols.putArray("symbols").add("web").add("store");
                yield symbols;
            }
            default -> avroSchema(depth + 1);
        };
    }

    /** A record for the fixture's contract: mostly an object, with the usual mistakes. */
    private JsonNode record() {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return pick(List.<Supplier<JsonNode>>of(
                            () -> NODES.numberNode(1),
                            () -> NODES.textNode("x"),
                            NODES::nullNode,
                            NODES::arrayNode,
                            () -> NODES.booleanNode(true)))
                    .get();
        }
        ObjectNode record = NODES.objectNode();
        if (chance(90)) {
            record.set("id", chance(85) ? NODES.numberNode(random.nextInt(1000)) : NODES.textNode("one"));
        }
        if (chance(80)) {
            int kind = random.nextInt(100);
            record.set(
                    "amount",
                    kind < 85
                            ? NODES.numberNode(random.nextGaussian() * 10 + 50)
                            : kind < 92
                                    ? NODES.nullNode()
                                    : rawValue(
                                            pick(List.of("1e400", "-1e400", "1" + "0".repeat(500), "1e-400", "-0.0"))));
        }
        if (chance(70)) {
            record.put("channel", pick(List.of("web", "store", "phone", "")));
        }
        if (chance(10)) {
            record.putObject("nested").putArray("list").add(1).add("two").addObject();
        }
        if (chance(5)) {
            record.put("", "empty key");
        }
        return record;
    }

    /** Any JSON value: what an untyped ({@code JsonNode}) member takes. */
    private JsonNode anyJson(String field, int depth) {
        JsonNode plausible = plausibleField(field);
        if (plausible != null && chance(85)) {
            return plausible;
        }
        return switch (random.nextInt(6)) {
            case 0 -> NODES.textNode(text());
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.nullNode();
            case 3 -> NODES.arrayNode().add(1).add("x");
            case 4 -> depth > 4 ? NODES.objectNode() : NODES.objectNode().set("k", anyJson(null, depth + 1));
            default -> NODES.booleanNode(random.nextBoolean());
        };
    }

    /** Replaces, removes or adds one value somewhere in the tree. */
    private JsonNode mutateSomewhere(JsonNode root, List<String> mutations) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        if (containers.isEmpty()) {
            mutations.add("body replaced by a hostile value");
            return hostileValue(mutations);
        }
        JsonNode container = pick(containers);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty() && chance(25)) {
                String name = pick(names);
                object.remove(name);
                mutations.add("missing " + name);
            } else if (!names.isEmpty() && chance(80)) {
                String name = pick(names);
                JsonNode current = object.get(name);
                if (current.isTextual() && chance(30)) {
                    object.set(name, padded(current.textValue(), mutations));
                } else {
                    object.set(name, hostileValue(mutations));
                }
                mutations.add("at " + name);
            } else {
                object.set(pick(List.of("unexpected", "$ref", "__proto__", "", "fields")), hostileValue(mutations));
                mutations.add("extra member");
            }
        } else if (container instanceof ArrayNode array) {
            if (!array.isEmpty() && chance(60)) {
                array.set(random.nextInt(array.size()), hostileValue(mutations));
                mutations.add("in an array");
            } else {
                array.add(hostileValue(mutations));
                mutations.add("appended to an array");
            }
        }
        return root;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.elements().forEachRemaining(child -> collectContainers(child, containers));
        }
    }

    /**
     * The value made just longer than a typical column or limit, keeping its shape (an address stays an address, a
     * URL a URL), so that it passes format checks and reaches the length checks, or the database.
     */
    private JsonNode padded(String value, List<String> mutations) {
        int length = pick(List.of(65, 101, 201, 301, 321, 501, 1001, 2001, 10_001));
        String padding = "a".repeat(Math.max(1, length - value.length()));
        mutations.add("padded to " + length + " characters");
        return NODES.textNode(value.contains("@") ? padding + value : value + padding);
    }

    /** A value of a wrong type, a null, an extreme number, a huge string or deep nesting. */
    private JsonNode hostileValue(List<String> mutations) {
        int roll = random.nextInt(100);
        if (roll < 12) {
            mutations.add("null");
            return NODES.nullNode();
        } else if (roll < 40) {
            mutations.add("wrong type");
            return pick(List.<Supplier<JsonNode>>of(
                            () -> NODES.numberNode(7),
                            () -> NODES.textNode("7"),
                            () -> NODES.booleanNode(false),
                            NODES::arrayNode,
                            NODES::objectNode,
                            () -> NODES.arrayNode().add(NODES.objectNode()),
                            () -> NODES.numberNode(-0.0)))
                    .get();
        } else if (roll < 55) {
            mutations.add("extreme number");
            return pick(List.<Supplier<JsonNode>>of(
                            () -> NODES.numberNode(1e308),
                            () -> NODES.numberNode(-1e308),
                            () -> NODES.numberNode(Double.MIN_VALUE),
                            () -> NODES.numberNode(Long.MIN_VALUE),
                            () -> NODES.numberNode(new BigInteger("9".repeat(40))),
                            () -> rawValue("1" + "0".repeat(pick(List.of(400, 2000)))),
                            () -> rawValue("-1e99999"),
                            () -> rawValue("0.0000000000000000000000000000001")))
                    .get();
        } else if (roll < 70) {
            mutations.add("odd string");
            return NODES.textNode(pick(List.of(
                    "",
                    " ",
                    "\u0000",
                    "\uD800",
                    "\u202E",
                    "名前",
                    "\n\r\t",
                    "%s%n",
                    "../../etc/passwd",
                    "${jndi:ldap://127.0.0.1/a}",
                    "null",
                    "1.0.0",
                    "-1",
                    "/")));
        } else if (roll < 80) {
            int length = pick(List.of(10_000, 100_000, 1_100_000, 2_500_000));
            mutations.add("string of " + length + " characters");
            return NODES.textNode("é".repeat(length / 2));
        } else if (roll < 92) {
            int depth = pick(List.of(65, 101, 500, 990, 1500, 10_000));
            mutations.add(depth + " levels of nesting");
            return rawValue(deep(depth, random.nextBoolean()));
        } else {
            mutations.add("many members");
            ObjectNode wide = NODES.objectNode();
            for (int i = 0; i < 5000; i++) {
                wide.put("/f" + i, i);
            }
            return wide;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Validation and drift batches
    // ---------------------------------------------------------------------------------------------------------

    private Body batch(Operation operation, List<String> mutations) {
        boolean drift = operation.path().endsWith("/drift");
        int roll = random.nextInt(100);
        if (roll < 30) {
            return json(drift, mutations);
        } else if (roll < 70) {
            return ndjson(mutations);
        } else if (roll < 90) {
            return avro(mutations);
        } else if (roll < 96) {
            String type = pick(CONTENT_TYPES);
            mutations.add("Content-Type " + type);
            return new Body(type, Fixture.batch(3));
        }
        mutations.add("no Content-Type");
        return new Body(null, Fixture.batch(3));
    }

    private Body json(boolean drift, List<String> mutations) {
        JsonNode body;
        if (drift) {
            ObjectNode request = NODES.objectNode();
            request.put("observation", fixture.observationId());
            body = chance(60) ? request : mutateSomewhere(request, mutations);
        } else {
            body = record();
            if (chance(40)) {
                body = mutateSomewhere(body, mutations);
            }
        }
        byte[] bytes = serialise(body);
        if (chance(15)) {
            bytes = pick(List.of(new byte[0], randomBytes(50), utf8("{\"id\": 1"), utf8(deep(10_000, true))));
            mutations.add("broken JSON body");
        }
        return new Body(pick(List.of("application/json", "application/json; charset=UTF-8")), bytes);
    }

    private Body ndjson(List<String> mutations) {
        StringBuilder text = new StringBuilder();
        Map<String, Integer> odd = new TreeMap<>();
        int lines = pick(List.of(1, 5, 40, 300));
        for (int i = 0; i < lines; i++) {
            int roll = random.nextInt(100);
            if (roll < 86) {
                text.append(new String(serialise(record()), StandardCharsets.UTF_8));
            } else if (roll < 89) {
                text.append(pick(List.of("", "   ", "\r")));
                odd.merge("blank", 1, Integer::sum);
            } else if (roll < 93) {
                text.append(pick(List.of("{\"id\": ", "not json", "}{", "{\"id\":1}{\"id\":2}")));
                odd.merge("malformed", 1, Integer::sum);
            } else if (roll < 96) {
                text.append(pick(List.of("1", "\"x\"", "null", "[1,2]", "true")));
                odd.merge("scalar", 1, Integer::sum);
            } else if (roll < 99) {
                text.append("{\"id\":1,\"nested\":")
                        .append(deep(pick(List.of(65, 300, 10_000)), true))
                        .append('}');
                odd.merge("deeply nested", 1, Integer::sum);
            } else {
                text.append("{\"id\":1,\"note\":\"")
                        .append("x".repeat(pick(List.of(100_000, 1_100_000))))
                        .append("\"}");
                odd.merge("very long", 1, Integer::sum);
            }
            text.append(chance(5) ? "\r\n" : "\n");
        }
        if (!odd.isEmpty()) {
            mutations.add(lines + " lines, of them " + odd);
        }
        byte[] bytes = utf8(text.toString());
        if (chance(5)) {
            bytes = invalidUtf8(bytes);
            mutations.add("invalid UTF-8");
        }
        return new Body(pick(List.of(Fixture.NDJSON, Fixture.NDJSON, "application/x-ndjson; charset=utf-8")), bytes);
    }

    private Body avro(List<String> mutations) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            mutations.add("random bytes as Avro");
            return new Body(AVRO, randomBytes(1 + random.nextInt(3000)));
        } else if (roll < 25) {
            mutations.add("Avro magic and garbage");
            return new Body(AVRO, concat(new byte[] {'O', 'b', 'j', 1}, randomBytes(random.nextInt(500))));
        }
        byte[] file;
        try {
            file = avroFile(mutations);
        } catch (RuntimeException e) {
            // The generated schema was not one Avro itself accepts: send it broken anyway.
            mutations.add("unwritable Avro schema");
            return new Body(
                    AVRO,
                    concat(new byte[] {'O', 'b', 'j', 1}, utf8(e.getClass().getSimpleName())));
        }
        if (chance(25)) {
            file = Arrays.copyOf(file, random.nextInt(file.length));
            mutations.add("truncated Avro file");
        } else if (chance(20)) {
            for (int i = 0; i < 5; i++) {
                file[random.nextInt(file.length)] ^= (byte) (1 + random.nextInt(255));
            }
            mutations.add("corrupted Avro file");
        }
        return new Body(AVRO, file);
    }

    private static final String AVRO = "application/avro";

    /** A well-formed Avro container file with records of a generated schema. */
    private byte[] avroFile(List<String> mutations) {
        Schema schema;
        boolean primitive = chance(10);
        if (primitive) {
            schema = Schema.create(pick(List.of(Schema.Type.INT, Schema.Type.STRING, Schema.Type.NULL)));
            mutations.add("Avro file of " + schema.getType() + " records");
        } else {
            StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"long\"}");
            if (chance(80)) {
                fields.append(",{\"name\":\"amount\",\"type\":")
                        .append(pick(List.of("\"double\"", "\"string\"", "[\"null\",\"double\"]", "\"float\"")))
                        .append('}');
            }
            if (chance(50)) {
                fields.append(",{\"name\":\"channel\",\"type\":")
                        .append(pick(List.of(
                                "\"string\"",
                                "{\"type\":\"enum\",\"name\":\"Channel\",\"symbols\":[\"web\",\"store\",\"kiosk\"]}",
                                "{\"type\":\"map\",\"values\":\"int\"}",
                                "\"bytes\"",
                                "{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}")))
                        .append('}');
            }
            schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[" + fields + "]}");
        }
        GenericData data = GenericData.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema, data))) {
            writer.create(schema, out);
            int records = pick(List.of(0, 1, 20, 200));
            for (int i = 0; i < records; i++) {
                writer.append(avroValue(schema, i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Object avroValue(Schema schema, int i) {
        return switch (schema.getType()) {
            case INT -> i;
            case LONG -> (long) i;
            case FLOAT -> (float) (i * 1.5);
            case DOUBLE -> random.nextGaussian() * 10 + 50;
            case STRING -> "s" + i;
            case NULL -> null;
            case BYTES -> ByteBuffer.wrap(new byte[] {1, 2});
            case ENUM ->
                new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(i % 3));
            case FIXED -> new GenericData.Fixed(schema, new byte[] {1, 2});
            case MAP -> Map.of("k", i);
            case UNION -> i % 4 == 0 ? null : avroValue(schema.getTypes().get(1), i);
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.name(), avroValue(field.schema(), i));
                }
                yield record;
            }
            default -> throw new IllegalStateException("no generator for Avro " + schema.getType());
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Small helpers
    // ---------------------------------------------------------------------------------------------------------

    private byte[] serialise(JsonNode node) {
        String text;
        try {
            text = JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> replacement : raw.entrySet()) {
            text = text.replace("\"" + replacement.getKey() + "\"", replacement.getValue());
        }
        return utf8(text);
    }

    /** A value written into the body as this raw JSON text, which the tree could not hold or write. */
    private JsonNode rawValue(String json) {
        String marker = MARKER + raw.size() + "__";
        raw.put(marker, json);
        return NODES.textNode(marker);
    }

    private static String deep(int levels, boolean arrays) {
        StringBuilder text = new StringBuilder(levels * 6);
        for (int i = 0; i < levels; i++) {
            text.append(arrays ? "[" : "{\"a\":");
        }
        text.append("1");
        for (int i = 0; i < levels; i++) {
            text.append(arrays ? ']' : '}');
        }
        return text.toString();
    }

    private byte[] invalidUtf8(byte[] bytes) {
        byte[] broken = Arrays.copyOf(bytes, bytes.length + 2);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        System.arraycopy(bytes, at, broken, at + 2, bytes.length - at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        return broken;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A new asset or team name; it sorts after the example estate, which the browser tests find on page one. */
    private String newName() {
        return "zz-fuzz." + salt + "-" + (counter++);
    }

    private String text() {
        return pick(List.of("fuzz", "a longer description with spaces", "ünïcødé ☃", "", "<b>html</b>"));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Percent-encodes everything but unreserved characters, as a path segment or query value. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " chars)";
    }
}
