package dev.watershed.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** The registry's REST API over {@link HttpClient}, answering JSON trees. */
final class RegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One answer.
     *
     * @param body the JSON body; {@link MissingNode} when there was none
     */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's stable code, e.g. {@code ASSET_NOT_FOUND}; empty when the answer is not a problem. */
        String code() {
            return body.path("code").asText("");
        }

        /** What went wrong, in the registry's words. */
        String problem() {
            String detail = body.path("detail").asText(body.path("title").asText("HTTP " + status));
            StringBuilder text = new StringBuilder(detail);
            for (JsonNode violation : body.path("violations")) {
                text.append("; ")
                        .append(
                                violation.isTextual()
                                        ? violation.asText()
                                        : violation.path("message").asText(violation.toString()));
            }
            return text + (code().isEmpty() ? " (HTTP " + status + ")" : " (" + code() + ")");
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http;

    RegistryClient(String registry, String token) {
        String url = registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
        try {
            this.base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliException("--registry " + registry + " is not a URL: " + e.getMessage());
        }
        if (base.getScheme() == null || !base.getScheme().startsWith("http")) {
            throw new CliException("--registry " + registry + " must be an http:// or https:// URL");
        }
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    boolean hasToken() {
        return token != null;
    }

    String url() {
        return base.toString();
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, JsonNode body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Reply put(String path, JsonNode body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Streams a file as the body, never holding it whole. */
    Reply postFile(String path, Path file, String contentType) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new CliException(file + ": no such file");
        }
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(10))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(
                    "cannot reach the registry at " + base + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + " (set --registry or WATERSHED_URL)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while calling the registry", e);
        }
        JsonNode body = MissingNode.getInstance();
        if (!response.body().isBlank()) {
            try {
                body = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new CliException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + " with a body that is not JSON; is " + base + " a Watershed registry?");
            }
        }
        if (response.statusCode() >= 500) {
            throw new CliException("the registry failed on " + request.method() + " "
                    + request.uri().getPath() + ": " + new Reply(response.statusCode(), body).problem());
        }
        if (response.statusCode() == 401) {
            throw new CliException("the registry refused the token: " + new Reply(401, body).problem()
                    + " (set --token or WATERSHED_TOKEN)");
        }
        return new Reply(response.statusCode(), body);
    }
}
