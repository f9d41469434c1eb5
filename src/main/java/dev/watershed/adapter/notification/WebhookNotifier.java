package dev.watershed.adapter.notification;

import dev.watershed.application.DeliveryAttempt;
import dev.watershed.application.NotificationChannel;
import dev.watershed.application.Notifier;
import dev.watershed.application.OutgoingDelivery;
import dev.watershed.application.WatershedConfig;
import dev.watershed.domain.notification.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** POSTs a CloudEvent, signed with the subscription's secret; any 2xx counts as delivered. */
@ApplicationScoped
public class WebhookNotifier implements Notifier {

    private final WatershedConfig config;
    private final Clock clock;
    private final HttpClient client;

    public WebhookNotifier(WatershedConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        Duration timeout = config.notifications().webhookTimeout();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public DeliveryAttempt send(OutgoingDelivery delivery) {
        String body = CloudEvents.write(CloudEvents.of(delivery, config.notifications().source()));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.target()))
                    .timeout(config.notifications().webhookTimeout())
                    .header("Content-Type", CloudEvents.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        } catch (IllegalArgumentException e) {
            return failed(null, "invalid target URL: " + e.getMessage());
        }
        if (delivery.secret() != null) {
            request.header(WebhookSignature.HEADER,
                    WebhookSignature.sign(delivery.secret(), clock.instant().getEpochSecond(), body));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new DeliveryAttempt(clock.instant(), DeliveryAttempt.DELIVERED, status, null);
            }
            return failed(status, "receiver answered " + status);
        } catch (IOException e) {
            return failed(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(null, "interrupted while sending");
        }
    }

    private DeliveryAttempt failed(Integer status, String error) {
        return new DeliveryAttempt(clock.instant(), DeliveryAttempt.FAILED, status, error);
    }
}
