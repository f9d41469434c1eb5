package dev.watershed.reliability;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the running application's own {@code /q/openapi} document, so that the reliability suites cover
 * every endpoint there is, including one added tomorrow, instead of a hand-kept list.
 */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** A path or query parameter as declared. */
    record Parameter(String name, String in, String type, boolean required) {}

    /**
     * One operation.
     *
     * @param bodies the request body's schema by content type, as declared (see {@link #resolve});
     *               empty when the operation takes no body
     */
    record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies) {

        /** A change under {@code /api/v1}: what must never answer an unauthenticated or foreign caller. */
        boolean isWrite() {
            return WRITES.contains(method) && path.startsWith("/api/v1/");
        }

        List<Parameter> pathParameters() {
            return parameters.stream()
                    .filter(parameter -> parameter.in().equals("path"))
                    .toList();
        }

        List<Parameter> queryParameters() {
            return parameters.stream()
                    .filter(parameter -> parameter.in().equals("query"))
                    .toList();
        }

        /** {@code POST /api/v1/assets/{name}/contracts}: how the suites and their tables name an operation. */
        String key() {
            return method + " " + path;
        }

        /** The path with each {@code {parameter}} replaced by its value, inserted as given (already encoded). */
        String expand(Map<String, String> rawValues) {
            String expanded = path;
            for (Parameter parameter : pathParameters()) {
                String value = rawValues.get(parameter.name());
                if (value == null) {
                    throw new IllegalArgumentException(
                            "no value for path parameter " + parameter.name() + " of " + key());
                }
                expanded = expanded.replace("{" + parameter.name() + "}", value);
            }
            return expanded;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
        this.operations = read(document);
    }

    /** Reads the document the application under test serves. */
    static OpenApiOperations load() {
        String json = given().accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return new OpenApiOperations(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("/q/openapi is not JSON", e);
        }
    }

    /** Every operation, sorted by path and method so that a seed replays the same sequence. */
    List<Operation> all() {
        return operations;
    }

    List<Operation> writes() {
        return operations.stream().filter(Operation::isWrite).toList();
    }

    /** The schema behind a {@code $ref} such as {@code #/components/schemas/AssetRequest}; others unchanged. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current == null || current.isMissingNode() ? JsonNodeFactory.instance.objectNode() : current;
    }

    /** The name of the component a {@code $ref} points at ({@code JsonNode} for any JSON value), or null. */
    static String componentName(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return null;
        }
        String ref = schema.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private List<Operation> read(JsonNode document) {
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>(shared);
                for (Parameter parameter : parameters(method.getValue().path("parameters"))) {
                    parameters.removeIf(existing -> existing.name().equals(parameter.name())
                            && existing.in().equals(parameter.in()));
                    parameters.add(parameter);
                }
                parameters.sort(Comparator.comparing(Parameter::in).thenComparing(Parameter::name));
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                method.getValue()
                        .path("requestBody")
                        .path("content")
                        .fields()
                        .forEachRemaining(content ->
                                bodies.put(content.getKey(), content.getValue().path("schema")));
                found.add(new Operation(
                        method.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters), bodies));
            }
        }
        found.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return List.copyOf(found);
    }

    private static List<Parameter> parameters(JsonNode declared) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : declared) {
            parameters.add(new Parameter(
                    parameter.path("name").asText(),
                    parameter.path("in").asText(),
                    parameter.path("schema").path("type").asText("string"),
                    parameter.path("required").asBoolean()));
        }
        return parameters;
    }
}
