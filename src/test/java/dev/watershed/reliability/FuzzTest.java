package dev.watershed.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import dev.watershed.reliability.OpenApiOperations.Operation;
import dev.watershed.reliability.RequestGenerator.FuzzRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Sends a few thousand hostile requests, made by a seeded {@link RequestGenerator}, to every operation of the live
 * {@code /q/openapi} document, mostly as the admin so that writes get past authentication: none may answer 5xx or
 * name a Java type in its answer, none may take longer than {@link #MAX_MILLIS}, and the application must still be
 * ready afterwards.
 *
 * <p>{@code -Dfuzz.requests=50000} runs longer; {@code -Dfuzz.seed=<seed>} replays a run (the seed is printed at the
 * start and in every failure). The keys are outside {@code watershed.*} because SmallRye Config refuses unknown keys
 * in that namespace, which would stop the application under test from starting.
 */
@QuarkusTest
class FuzzTest {

    /** Requests of the default run: a few thousand, well under two minutes on a shared two-core machine. */
    private static final int DEFAULT_REQUESTS = 3000;
    /** A fresh set of fixture objects this often, since the fuzzing deletes and deprecates what it finds. */
    private static final int FIXTURE_EVERY = 300;

    private static final long MAX_MILLIS = 2000;
    private static final int FAILURES_SHOWN = 15;
    private static final List<String> LEAKS = List.of(
            "java.",
            "Exception",
            "dev.watershed",
            "org.apache",
            "com.fasterxml",
            "io.quarkus",
            "org.hibernate",
            "com.networknt",
            "org.h2",
            "\tat ");

    /**
     * One request and what came back.
     *
     * @param serverLog what the application logged at ERROR meanwhile, with stack traces
     */
    record Exchange(
            long number,
            FuzzRequest request,
            int status,
            String contentType,
            String body,
            long millis,
            String clientError,
            String serverLog) {

        boolean serverError() {
            return status >= 500;
        }

        boolean tooSlow() {
            return millis > MAX_MILLIS;
        }

        /** A Java type, package or stack frame in the answer: what no client may see. */
        String leak() {
            return body == null
                    ? null
                    : LEAKS.stream().filter(body::contains).findFirst().orElse(null);
        }

        boolean failed() {
            return serverError() || tooSlow() || noAnswer() || leak() != null;
        }

        String problem() {
            return serverError()
                    ? "5xx"
                    : tooSlow() ? "over " + MAX_MILLIS + " ms" : noAnswer() ? "no answer" : "leaks '" + leak() + "'";
        }

        /**
         * The connection closed before an answer could be read. Allowed only for a request line about as long as the
         * HTTP layer takes or longer (quarkus.http.limits.max-initial-line-length, 4096): it answers 414 and closes
         * at once, so a client still sending a body never reads that answer.
         */
        boolean noAnswer() {
            return clientError != null
                    && request.uri().length() + request.operation().method().length() < 4000;
        }
    }

    /** What a run found, beyond the failures themselves. */
    private static final class Tally {

        final List<Exchange> failures = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        /** Error answers that are not application/problem+json, by status: only the HTTP layer's own, so far. */
        final Map<Integer, Integer> plain = new TreeMap<>();

        Exchange slowest;

        void add(Exchange exchange) {
            statuses.merge(exchange.status(), 1, Integer::sum);
            if (slowest == null || exchange.millis() > slowest.millis()) {
                slowest = exchange;
            }
            if (exchange.status() >= 400
                    && !String.valueOf(exchange.contentType()).startsWith("application/problem+json")) {
                plain.merge(exchange.status(), 1, Integer::sum);
            }
            if (exchange.failed()) {
                failures.add(exchange);
            }
        }
    }

    @Test
    void noRequestAnswers5xxOrInternalsOrTakesOverTwoSeconds() {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("FuzzTest: seed " + seed + ", " + requests + " requests; replay with -Dfuzz.seed=" + seed);

        OpenApiOperations api = OpenApiOperations.load();
        List<Operation> weighted = new ArrayList<>();
        for (Operation operation : api.all()) {
            // Operations with bodies have more to get wrong: give them more of the requests.
            for (int i = operation.bodies().isEmpty() ? 1 : 3; i > 0; i--) {
                weighted.add(operation);
            }
        }
        Random random = new Random(seed);
        RequestGenerator generator = new RequestGenerator(random, api, Fixture.create());
        Tally tally = new Tally();
        long started = System.nanoTime();
        try (ServerLog log = ServerLog.attach()) {
            for (int i = 0; i < requests; i++) {
                if (i > 0 && i % FIXTURE_EVERY == 0) {
                    generator.use(Fixture.create());
                }
                FuzzRequest request = generator.next(weighted.get(random.nextInt(weighted.size())));
                log.drain();
                tally.add(send(i, request, log));
            }
        }

        System.out.println("FuzzTest: " + requests + " requests in " + (System.nanoTime() - started) / 1_000_000_000
                + " s; statuses " + tally.statuses + "; error answers that are not problem documents "
                + tally.plain + "; slowest " + tally.slowest.millis() + " ms: "
                + tally.slowest.request().operation()
                + " " + tally.slowest.request().mutations());
        given().get("/q/health/ready").then().statusCode(200);
        if (!tally.failures.isEmpty()) {
            fail(report(seed, tally.failures));
        }
    }

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    // Sent as the bytes they are; RestAssured would otherwise want form parameters.
                    .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY));

    private static Exchange send(long number, FuzzRequest request, ServerLog log) {
        RequestSpecification spec = given().config(CONFIG).urlEncodingEnabled(false);
        if (request.authorization() != null) {
            spec.header("Authorization", request.authorization());
        }
        if (request.contentType() != null) {
            spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec.body(request.body());
        }
        long start = System.nanoTime();
        try {
            Response response = spec.request(request.operation().method(), request.uri());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Exchange(
                    number,
                    request,
                    response.statusCode(),
                    response.contentType(),
                    response.asString(),
                    millis,
                    null,
                    log.drain());
        } catch (Exception e) {
            // RestAssured rethrows the HTTP client's checked exceptions undeclared.
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Exchange(number, request, -1, null, null, millis, e.toString(), log.drain());
        }
    }

    private static String report(long seed, List<Exchange> failures) {
        StringBuilder report = new StringBuilder();
        report.append(failures.size())
                .append(" requests failed (5xx, over ")
                .append(MAX_MILLIS)
                .append(" ms, no answer or internals in the answer). Replay with -Dfuzz.seed=")
                .append(seed)
                .append('\n');
        Map<String, Integer> byOperation = new TreeMap<>();
        failures.forEach(failure -> byOperation.merge(
                failure.request().operation().key() + " -> " + (failure.status() < 0 ? "" : failure.status() + " ")
                        + failure.problem(),
                1,
                Integer::sum));
        byOperation.forEach((operation, count) -> report.append("  ")
                .append(count)
                .append(" x ")
                .append(operation)
                .append('\n'));
        for (Exchange failure : failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))) {
            FuzzRequest request = failure.request();
            report.append("\n#")
                    .append(failure.number())
                    .append(' ')
                    .append(request.operation().method())
                    .append(' ')
                    .append(truncate(request.uri(), 300))
                    .append("\n  as ")
                    .append(request.caller())
                    .append(", Content-Type ")
                    .append(request.contentType())
                    .append(", mutations ")
                    .append(request.mutations())
                    .append("\n  body (")
                    .append(request.body() == null ? 0 : request.body().length)
                    .append(" bytes): ")
                    .append(
                            request.body() == null
                                    ? ""
                                    : truncate(new String(request.body(), StandardCharsets.UTF_8), 400))
                    .append("\n  -> ")
                    .append(
                            failure.status() < 0
                                    ? failure.clientError()
                                    : failure.status() + " " + failure.contentType())
                    .append(" in ")
                    .append(failure.millis())
                    .append(" ms: ")
                    .append(
                            failure.body() == null
                                    ? ""
                                    : failure.leak() == null
                                            ? truncate(failure.body(), 400)
                                            : "..." + excerpt(failure.body(), failure.leak()) + "...")
                    .append('\n');
            if (!failure.serverLog().isEmpty()) {
                report.append("  server log: ")
                        .append(causeOf(failure.serverLog()))
                        .append('\n');
            }
        }
        return report.toString();
    }

    /** The first lines of a logged failure and its frames in Watershed's own code. */
    private static String causeOf(String log) {
        List<String> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            boolean header = !line.startsWith("\t") && !line.startsWith(" ");
            if (header || line.contains("dev.watershed.") && !line.contains("$quarkusrestinvoker$")) {
                lines.add(truncate(line.strip(), 300));
            }
        }
        return String.join("\n    ", lines.subList(0, Math.min(12, lines.size())));
    }

    private static String excerpt(String text, String around) {
        int at = text.indexOf(around);
        return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200));
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " chars)";
    }
}
