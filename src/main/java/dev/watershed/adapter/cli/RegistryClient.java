package dev.watershed.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLException;

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

    /** The header every Watershed answer carries: how the CLI tells a registry from anything else at the URL. */
    static final String VERSION_HEADER = "Watershed-Version";

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final PrintWriter warnings;
    private boolean versionCompared;

    RegistryClient(String registry, String token, PrintWriter warnings) {
        String url = registry.strip().replaceAll("/+$", "");
        try {
            this.base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliException("--registry " + registry + " is not a URL: " + e.getMessage());
        }
        if (base.getScheme() == null
                || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
                || base.getHost() == null) {
            throw new CliException("--registry " + registry + " must be an http:// or https:// URL, e.g."
                    + " https://watershed.example.org (set --registry or WATERSHED_URL)");
        }
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith("/api/v1") || path.endsWith("/api")) {
            throw new CliException("--registry " + registry + " is the registry's API, not the registry: use "
                    + url.substring(0, url.lastIndexOf(path.endsWith("/api") ? "/api" : "/api/v1"))
                    + " (the CLI adds /api/v1 itself)");
        }
        this.warnings = warnings;
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
                    "cannot reach the registry at " + base + ": " + why(e) + " (set --registry or WATERSHED_URL)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while calling the registry", e);
        }
        String serverVersion = response.headers().firstValue(VERSION_HEADER).orElse(null);
        if (serverVersion == null && response.statusCode() >= 500) {
            // A proxy or load balancer in front of a registry that is down or starting.
            throw new CliException("cannot reach the registry at " + base + ": HTTP " + response.statusCode()
                    + " from something in front of it (no " + VERSION_HEADER + " header); try again in a moment");
        }
        if (serverVersion == null) {
            throw new CliException(
                    base + " answered " + request.method() + " " + request.uri().getPath() + " with HTTP "
                            + response.statusCode() + " but is not a Watershed registry (no " + VERSION_HEADER
                            + " header); set --registry or WATERSHED_URL to the registry's base URL");
        }
        compareVersions(serverVersion);
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
        if (response.statusCode() == 404 && "NOT_FOUND".equals(body.path("code").asText())) {
            // The registry has no such route (as opposed to no such asset): a registry URL with a path prefix that
            // is not the registry's, or a CLI newer than the registry.
            throw new CliException(base + " has no " + request.uri().getPath() + "; is " + base
                    + " the registry's base URL, and the registry as new as this CLI (" + version() + ")?");
        }
        if (response.statusCode() == 401) {
            throw new CliException("the registry refused the token: " + new Reply(401, body).problem()
                    + " (set --token or WATERSHED_TOKEN)");
        }
        return new Reply(response.statusCode(), body);
    }

    /** Warns once when the registry runs another version than this CLI: install the registry's own. */
    private void compareVersions(String serverVersion) {
        if (versionCompared) {
            return;
        }
        versionCompared = true;
        String mine = version();
        if (!mine.equals("development") && !serverVersion.equals(mine)) {
            warnings.println("watershed: warning: this CLI is version " + mine + " and the registry at " + base + " is "
                    + serverVersion + "; install the registry's own: curl -fsSL " + base + "/cli/install | sh");
            warnings.flush();
        }
    }

    /** This CLI's version, from its jar's manifest; "development" when run from classes. */
    static String version() {
        String version = RegistryClient.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** A connection failure in words: the JDK's exceptions often carry no message at all. */
    private String why(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within 10 s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "the host " + base.getHost() + " is unknown (DNS)";
        }
        if (e instanceof ConnectException) {
            return "nothing is listening there (connection refused)";
        }
        if (e instanceof SSLException) {
            return "the TLS handshake failed: " + e.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
