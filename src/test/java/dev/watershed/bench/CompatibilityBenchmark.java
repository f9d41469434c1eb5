package dev.watershed.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.compatibility.CompatibilityVerdict;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SchemaFormat;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time to check a 300-field schema against 100 previous versions, FULL_TRANSITIVE, in process and through
 * {@code POST /api/v1/compatibility}, in one run. Not part of the test suite: {@code ./mvnw verify -Pbench
 * -Dtest=CompatibilityBenchmark} (see the README).
 */
@QuarkusTest
@Tag("benchmark")
class CompatibilityBenchmark {

    private static final int FIELDS = 300;
    private static final int VERSIONS = 100;
    private static final int WARM_UP_RUNS = 15;
    private static final int MEASURED_RUNS = 15;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkThreeHundredFieldsAgainstAHundredVersions() throws Exception {
        JsonNode next = CompatibilityFixtures.schema(FIELDS, 0);
        List<JsonNode> history = CompatibilityFixtures.history(FIELDS, VERSIONS);
        CompatibilityChecker checker = new CompatibilityChecker();
        long[] inProcess = measure(() -> {
            CompatibilityVerdict verdict =
                    checker.check(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL_TRANSITIVE, false, next, history);
            return verdict.compatible();
        });

        // Warm: the same previous versions resent with every check, as CI does; after the first request every
        // schema is found in the registry's SchemaCache.
        String body = requestBody(next, history, null);
        long[] rest = measure(() -> post(body));
        // Cold: every schema of every request is one the registry has not seen (a "$comment" naming the run), so
        // each is parsed, meta-validated and compiled; the bodies are built before the clock starts.
        int coldRuns = WARM_UP_RUNS + MEASURED_RUNS;
        List<String> coldBodies = new ArrayList<>(coldRuns);
        for (int run = 0; run < coldRuns; run++) {
            coldBodies.add(requestBody(next, history, "cold run " + run));
        }
        Iterator<String> cold = coldBodies.iterator();
        long[] restCold = measure(() -> post(cold.next()));

        System.out.printf(
                "%nCompatibility benchmark: %d-field JSON Schema vs %d previous versions, FULL_TRANSITIVE"
                        + " (request body %.1f MiB)%n",
                FIELDS, VERSIONS, body.length() / 1048576.0);
        print("in process (CompatibilityChecker)", inProcess);
        print("through REST, warm (same 101 schemas resent: cached)", rest);
        print("through REST, cold (101 new schemas: parse + meta-validate)", restCold);
        System.out.printf("  REST / in-process median ratio: %.2f%n", median(rest) / (double) median(inProcess));
        System.out.printf(
                "  REST cold / in-process median ratio: %.2f%n%n", median(restCold) / (double) median(inProcess));
    }

    /**
     * Posts with the JDK's HTTP client, as lean as the curl of a CI job: RestAssured's own handling of a 3.3 MiB body
     * costs about as much as the server's whole answer, and would be measured as the registry's.
     */
    private static boolean post(String body) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/compatibility"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("compatible").asBoolean();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param comment a {@code $comment} put in every schema, so that none is one sent before; {@code null}: none */
    private static String requestBody(JsonNode next, List<JsonNode> history, String comment) {
        ObjectNode request = JSON.createObjectNode();
        request.put("format", "JSON_SCHEMA").put("mode", "FULL_TRANSITIVE");
        request.set("schema", commented(next, comment));
        ArrayNode previous = request.putArray("previous");
        history.forEach(version -> previous.add(commented(version, comment)));
        return request.toString();
    }

    private static JsonNode commented(JsonNode schema, String comment) {
        if (comment == null) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        copy.put("$comment", comment);
        return copy;
    }

    private static long[] measure(BooleanSupplier check) {
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            assertThat(check.getAsBoolean()).isTrue();
        }
        long[] nanos = new long[MEASURED_RUNS];
        for (int run = 0; run < MEASURED_RUNS; run++) {
            long start = System.nanoTime();
            assertThat(check.getAsBoolean()).isTrue();
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static void print(String label, long[] sorted) {
        System.out.printf(
                "  %-60s median %7.1f ms  (min %.1f, max %.1f)%n",
                label, median(sorted) / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
