package dev.watershed.adapter.notification;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.notification.DeliveryAttempt;
import dev.watershed.application.notification.NotificationChannel;
import dev.watershed.application.notification.Notifier;
import dev.watershed.application.notification.OutgoingDelivery;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.notification.WebhookSignature;
import dev.watershed.domain.notification.WebhookTarget;
import dev.watershed.domain.notification.WebhookTargetPolicy;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.jboss.logging.Logger;

/**
 * POSTs a CloudEvent, signed with the subscription's secret; any 2xx counts as delivered. Credentials in the URL are
 * sent as HTTP Basic authentication. Redirects are not followed.
 *
 * <p>Where it connects is decided here, not by the HTTP client: the target's host is resolved once, every address
 * it resolves to is checked with {@link WebhookTargetPolicy}, and the connection goes to the first of those checked
 * addresses ({@link RequestOptions#setServer}), while the Host header, TLS SNI and certificate check still use the
 * host name. A client that resolved the name again itself could get another answer than the one checked (DNS
 * rebinding: a short TTL, first a public address, then 127.0.0.1); java.net.http.HttpClient on Java 17 offers no
 * way to pass it an address, the Vert.x client does, and it is already part of Quarkus.
 */
@ApplicationScoped
public class WebhookNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class);

    /** Resolves a host name to all its addresses: the JVM's resolver, or a table in a test. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final WebhookTargetPolicy policy;
    private final Resolver resolver;
    private final Duration timeout;
    private final String source;
    private final Clock clock;
    private final HttpClient client;

    @Inject
    public WebhookNotifier(Vertx vertx, WebhookTargetPolicy policy, WatershedConfig config, Clock clock) {
        this(
                vertx,
                policy,
                InetAddress::getAllByName,
                config.notifications().webhookTimeout(),
                config.notifications().source(),
                clock);
    }

    WebhookNotifier(
            Vertx vertx, WebhookTargetPolicy policy, Resolver resolver, Duration timeout, String source, Clock clock) {
        this.policy = policy;
        this.resolver = resolver;
        this.timeout = timeout;
        this.source = source;
        this.clock = clock;
        // One connection per call, closed after it: webhooks are rare and go to many hosts.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setForceSni(true)
                .setVerifyHost(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBHOOK;
    }

    /** Blocks the calling (worker) thread for at most about twice the webhook timeout. */
    @Override
    public DeliveryAttempt send(OutgoingDelivery delivery) {
        WebhookTarget target;
        try {
            target = policy.check(delivery.target(), "target");
        } catch (InvalidInputException e) {
            return refused(e.detail());
        }
        InetAddress[] addresses;
        try {
            addresses =
                    target.literal() != null ? new InetAddress[] {target.literal()} : resolver.resolve(target.host());
        } catch (UnknownHostException e) {
            return failed(null, "could not resolve host '" + target.host() + "'");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(target, address);
            if (refusal.isPresent()) {
                return refused("webhook target '" + target.redacted() + "' is not allowed: " + refusal.get()
                        + ". Use a receiver at a public address, or ask an operator to add the host or its range to"
                        + " watershed.webhooks.allowed-targets, then retry the delivery");
            }
        }
        String body = CloudEvents.write(CloudEvents.of(delivery, source));
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(addresses[0], target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", CloudEvents.CONTENT_TYPE);
        if (delivery.secret() != null) {
            request.putHeader(
                    WebhookSignature.HEADER,
                    WebhookSignature.sign(delivery.secret(), clock.instant().getEpochSecond(), body));
        }
        String userInfo = URI.create(delivery.target()).getUserInfo();
        if (userInfo != null) {
            request.putHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        Future<Integer> answered = client.request(request)
                .compose(call -> call.send(Buffer.buffer(body)))
                .map(response -> {
                    // Only the status matters: the body is not read, and the connection is not reused.
                    response.request().connection().close();
                    return response.statusCode();
                });
        try {
            int status = answered.toCompletionStage()
                    .toCompletableFuture()
                    .get(2 * timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (status >= 200 && status < 300) {
                return new DeliveryAttempt(clock.instant(), DeliveryAttempt.DELIVERED, status, null);
            }
            return failed(status, "receiver answered " + status);
        } catch (ExecutionException e) {
            LOG.debugf(e.getCause(), "Delivery %d to %s failed", delivery.id(), target.redacted());
            return failed(null, describe(e.getCause()));
        } catch (TimeoutException e) {
            return failed(null, "timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(null, "interrupted while sending");
        }
    }

    /** Why a call failed, in words for the delivery log: never a Java class name or a stack trace. */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof ConnectTimeoutException) {
                return "timed out";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof ConnectException) {
                String message =
                        cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
                return message.contains("refused") ? "connection refused" : "could not connect";
            }
            if (cause instanceof UnknownHostException) {
                return "could not resolve host";
            }
            if (cause instanceof SSLHandshakeException) {
                return "TLS handshake failed: is the receiver's certificate trusted and issued for its host name?";
            }
            if (cause instanceof SSLException) {
                return "TLS failed";
            }
            if (cause instanceof HttpClosedException) {
                return "the receiver closed the connection before answering";
            }
        }
        return "could not send the request";
    }

    private DeliveryAttempt failed(Integer status, String error) {
        return new DeliveryAttempt(clock.instant(), DeliveryAttempt.FAILED, status, error);
    }

    private DeliveryAttempt refused(String error) {
        return new DeliveryAttempt(clock.instant(), DeliveryAttempt.REFUSED, null, "not sent: " + error);
    }
}
