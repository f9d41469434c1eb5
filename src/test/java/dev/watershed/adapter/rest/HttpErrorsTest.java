package dev.watershed.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Errors the HTTP layer produces itself, before any endpoint, are problem documents with a code, like every other
 * error. Sent over a raw socket or the JDK client: RestAssured will not send a 10 KB request target.
 */
@QuarkusTest
class HttpErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI base;

    @Test
    void aRequestTargetOverTheLimitIsA414Problem() throws IOException {
        try (RawHttp http = RawHttp.open(base)) {
            RawHttp.Response response = http.head("GET /api/v1/teams?q=" + "a".repeat(10_000) + " HTTP/1.1")
                    .response(Duration.ofSeconds(5));

            assertProblem(response, 414, "URI_TOO_LONG");
            assertThat(problem(response).get("detail").asText()).contains("watershed.limits.max-uri-length");
        }
    }

    @Test
    void headersOverTheLimitAreA431Problem() throws IOException {
        try (RawHttp http = RawHttp.open(base)) {
            RawHttp.Response response = http.head("GET /api/v1/teams HTTP/1.1", "X-Padding: " + "a".repeat(30_000))
                    .response(Duration.ofSeconds(5));

            assertProblem(response, 431, "HEADERS_TOO_LARGE");
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSentAndTheConnectionClosed() throws IOException {
        try (RawHttp http = RawHttp.open(base)) {
            RawHttp.Response response = http.head(
                            "POST /api/v1/teams HTTP/1.1",
                            "Content-Type: application/json",
                            "Content-Length: " + (17 << 20))
                    .response(Duration.ofSeconds(5));

            assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
            assertThat(problem(response).get("detail").asText()).contains("watershed.limits.max-body-bytes");
            assertThat(response.header("Connection")).isEqualTo("close");
            // The client sends nothing more: the server stops waiting for it after one rate window (1 s in tests).
            assertThat(http.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void methodMediaTypeAndUnknownPathsAreProblems() throws Exception {
        assertProblem(
                send(HttpRequest.newBuilder(base.resolve("/api/v1/validate")).DELETE()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(
                send(HttpRequest.newBuilder(base.resolve("/api/v1/teams")).header("Accept", "text/csv")),
                406,
                "NOT_ACCEPTABLE");
        assertProblem(
                send(HttpRequest.newBuilder(base.resolve("/api/v1/validate"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x"))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send(HttpRequest.newBuilder(base.resolve("/no/such/page"))), 404, "NOT_FOUND");
        assertProblem(send(HttpRequest.newBuilder(base.resolve("/api/v1/teams/x%00y"))), 400, "MALFORMED_REQUEST");
        assertProblem(
                send(HttpRequest.newBuilder(base.resolve("/api/v1/assets?text=a%00b"))), 400, "MALFORMED_REQUEST");
        // A large form, which no endpoint takes, is answered 415 after it has been read, not cut off halfway.
        String form = "{\"asset\":\"x\",\"events\":[\"" + "é".repeat(1_250_000) + "\"]}";
        assertProblem(
                send(HttpRequest.newBuilder(base.resolve("/api/v1/subscriptions"))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.ISO_8859_1))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");

        RawHttp.Response missingFile = send(HttpRequest.newBuilder(base.resolve("/static/no-such-file.js")));
        assertProblem(missingFile, 404, "NOT_FOUND");
        assertThat(missingFile.header("Cache-Control"))
                .as("a missing built file is not cached for a year")
                .isNull();
    }

    private RawHttp.Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        return new RawHttp.Response(response.statusCode(), headers, response.body());
    }

    static void assertProblem(RawHttp.Response response, int status, String code) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = problem(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    static JsonNode problem(RawHttp.Response response) throws IOException {
        return JSON.readTree(response.body());
    }
}
