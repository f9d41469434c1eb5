package dev.watershed.adapter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.application.notification.DeliveryAttempt;
import dev.watershed.application.notification.NotificationChannel;
import dev.watershed.application.notification.OutboxEvent;
import dev.watershed.application.notification.OutgoingDelivery;
import dev.watershed.domain.notification.EventType;
import dev.watershed.domain.notification.WebhookSignature;
import dev.watershed.domain.notification.WebhookTargetPolicy;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connect-time check: names are resolved by a table here (never by DNS), and every connection this test lets
 * through goes to a receiver on 127.0.0.1. The names end in {@code .test}, which no resolver knows (RFC 2606): a
 * delivery to one arrives only if the notifier connected to the address it checked instead of resolving again.
 */
class WebhookNotifierTest {

    private static final String SECRET = "a-secret-of-sixteen-or-more";
    private static final WebhookTargetPolicy LOOPBACK_ALLOWED = new WebhookTargetPolicy(List.of("127.0.0.1/32"));

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aNameIsResolvedOnceAndTheCallGoesToTheCheckedAddressWithTheNameAsHost() throws UnknownHostException {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            AtomicInteger lookups = new AtomicInteger();
            WebhookNotifier notifier = notifier(LOOPBACK_ALLOWED, host -> {
                lookups.incrementAndGet();
                return table(Map.of("hooks.receiver.test", "127.0.0.1")).resolve(host);
            });

            DeliveryAttempt attempt = notifier.send(
                    delivery("http://bot:p%40ss@hooks.receiver.test:" + receiver.port() + "/hooks?team=risk", SECRET));

            assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.DELIVERED);
            assertThat(attempt.httpStatus()).isEqualTo(204);
            assertThat(lookups).hasValue(1);
            WebhookReceiver.Call call = receiver.accepted().get(0);
            assertThat(call.host()).isEqualTo("hooks.receiver.test:" + receiver.port());
            assertThat(call.uri()).isEqualTo("/hooks?team=risk");
            assertThat(call.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(call.authorization())
                    .isEqualTo(
                            "Basic " + Base64.getEncoder().encodeToString("bot:p@ss".getBytes(StandardCharsets.UTF_8)));
            assertThat(WebhookSignature.verify(
                            SECRET, call.signature(), call.body(), Instant.now().getEpochSecond(), 300))
                    .isTrue();
        }
    }

    @Test
    void aNameThatResolvesToARefusedAddressIsNotCalled() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String url = "http://rebound.test:" + receiver.port() + "/hooks";

            DeliveryAttempt toLoopback = notifier(
                            WebhookTargetPolicy.publicOnly(), table(Map.of("rebound.test", "127.0.0.1")))
                    .send(delivery(url, SECRET));
            DeliveryAttempt oneOfTwo = notifier(LOOPBACK_ALLOWED, table(Map.of("rebound.test", "127.0.0.1,10.1.2.3")))
                    .send(delivery(url, SECRET));
            DeliveryAttempt mapped = notifier(
                            WebhookTargetPolicy.publicOnly(), table(Map.of("rebound.test", "::ffff:169.254.169.254")))
                    .send(delivery(url, SECRET));

            assertThat(toLoopback.outcome()).isEqualTo(DeliveryAttempt.REFUSED);
            assertThat(toLoopback.error())
                    .startsWith("not sent: webhook target 'http://rebound.test:"
                            + receiver.port()
                            + "/hooks' is not allowed: 'rebound.test' resolves to 127.0.0.1, a loopback"
                            + " address. Use a receiver at a public address, or ask an operator to add the host or its"
                            + " range to watershed.webhooks.allowed-targets, then retry the delivery");
            assertThat(oneOfTwo.outcome()).isEqualTo(DeliveryAttempt.REFUSED);
            assertThat(oneOfTwo.error()).contains("'rebound.test' resolves to 10.1.2.3, a private address");
            assertThat(mapped.outcome()).isEqualTo(DeliveryAttempt.REFUSED);
            assertThat(mapped.error()).contains("169.254.169.254, a link-local address");
            assertThat(receiver.calls()).isEmpty();
        }
    }

    @Test
    void literalAddressesAreCheckedWithoutResolving() {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            WebhookNotifier notifier = notifier(WebhookTargetPolicy.publicOnly(), host -> {
                throw new AssertionError("no lookup for a literal address, asked for " + host);
            });
            for (String url : List.of(
                    receiver.url(),
                    "http://localhost:" + receiver.port() + "/hooks",
                    "http://2130706433:" + receiver.port() + "/hooks",
                    "http://[::1]:" + receiver.port() + "/hooks",
                    "http://0.0.0.0:" + receiver.port() + "/hooks")) {
                DeliveryAttempt attempt = notifier.send(delivery(url, SECRET));
                assertThat(attempt.outcome()).as(url).isEqualTo(DeliveryAttempt.REFUSED);
            }
            assertThat(receiver.calls()).isEmpty();

            DeliveryAttempt allowed = notifier(LOOPBACK_ALLOWED, host -> {
                        throw new AssertionError("no lookup for a literal address, asked for " + host);
                    })
                    .send(delivery(receiver.url(), null));
            assertThat(allowed.outcome()).isEqualTo(DeliveryAttempt.DELIVERED);
            assertThat(receiver.accepted().get(0).signature())
                    .as("a team webhook is unsigned")
                    .isNull();
        }
    }

    @Test
    void failuresAreRecordedInWordsWithoutJavaClassNames() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookNotifier notifier = notifier(LOOPBACK_ALLOWED, table(Map.of("down.test", "127.0.0.1")));

        DeliveryAttempt refused = notifier.send(delivery("http://127.0.0.1:" + closedPort + "/hooks", SECRET));
        DeliveryAttempt unknown = notifier.send(delivery("http://nowhere.test/hooks", SECRET));
        DeliveryAttempt ftp = notifier.send(delivery("ftp://127.0.0.1/hooks", SECRET));
        try (WebhookReceiver failing = new WebhookReceiver(1)) {
            DeliveryAttempt answered500 =
                    notifier.send(delivery("http://down.test:" + failing.port() + "/hooks", SECRET));
            assertThat(answered500.outcome()).isEqualTo(DeliveryAttempt.FAILED);
            assertThat(answered500.httpStatus()).isEqualTo(500);
            assertThat(answered500.error()).isEqualTo("receiver answered 500");
        }

        assertThat(refused.outcome()).isEqualTo(DeliveryAttempt.FAILED);
        assertThat(refused.error()).isEqualTo("connection refused");
        assertThat(unknown.outcome()).isEqualTo(DeliveryAttempt.FAILED);
        assertThat(unknown.error()).isEqualTo("could not resolve host 'nowhere.test'");
        assertThat(ftp.outcome()).isEqualTo(DeliveryAttempt.REFUSED);
        assertThat(ftp.error())
                .isEqualTo("not sent: 'ftp://127.0.0.1/hooks' is not an http or https URL: webhooks"
                        + " are sent by HTTP POST only");
        assertThat(WebhookNotifier.describe(new java.util.concurrent.TimeoutException(
                        "The timeout period of 2000ms" + " has been exceeded")))
                .isEqualTo("timed out");
        assertThat(WebhookNotifier.describe(new javax.net.ssl.SSLHandshakeException("PKIX path building failed")))
                .startsWith("TLS handshake failed");
        assertThat(WebhookNotifier.describe(new IllegalStateException("anything")))
                .isEqualTo("could not send the" + " request");
    }

    private static WebhookNotifier notifier(WebhookTargetPolicy policy, WebhookNotifier.Resolver resolver) {
        return new WebhookNotifier(vertx, policy, resolver, Duration.ofSeconds(2), "/watershed", Clock.systemUTC());
    }

    /** Resolves the listed names to comma-separated IP literals, and nothing else. */
    private static WebhookNotifier.Resolver table(Map<String, String> names) {
        return host -> {
            String addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            String[] literals = addresses.split(",");
            InetAddress[] resolved = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                resolved[i] = InetAddress.getByName(literals[i]);
            }
            return resolved;
        };
    }

    private static OutgoingDelivery delivery(String target, String secret) {
        OutboxEvent event = new OutboxEvent(
                "event-1",
                EventType.CONTRACT_PUBLISHED,
                "payments.transactions",
                Instant.now(),
                "{\"asset\":\"payments.transactions\"}");
        return new OutgoingDelivery(
                1, event, "risk-ml", NotificationChannel.WEBHOOK, target, secret, "[]", 0, Instant.now());
    }
}
