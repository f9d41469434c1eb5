package dev.watershed.adapter.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.notification.DeliveryAttempt;
import dev.watershed.application.notification.NotificationChannel;
import dev.watershed.application.notification.Notifier;
import dev.watershed.application.notification.OutgoingDelivery;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Sends a plain-text email through the Quarkus mailer (SMTP settings under {@code quarkus.mailer.*}). */
@ApplicationScoped
public class EmailNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(EmailNotifier.class);

    private final Mailer mailer;
    private final WatershedConfig config;
    private final Clock clock;

    public EmailNotifier(Mailer mailer, WatershedConfig config, Clock clock) {
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public DeliveryAttempt send(OutgoingDelivery delivery) {
        ObjectNode event = CloudEvents.of(delivery, config.notifications().source());
        StringBuilder text = new StringBuilder();
        text.append("Watershed: ")
                .append(delivery.event().type().id())
                .append(" on ")
                .append(delivery.event().subject())
                .append("\n\nWhy you get this:\n");
        for (JsonNode reason : event.path("data").path("recipient").path("reasons")) {
            text.append("- ")
                    .append(reason.path("reason").asText())
                    .append(" (path ")
                    .append(String.join(" → ", toStrings(reason.path("path"))))
                    .append(")\n");
        }
        text.append("\nEvent id ")
                .append(delivery.event().id())
                .append("\n\n")
                .append(CloudEvents.write(event))
                .append('\n');
        try {
            mailer.send(Mail.withText(
                            delivery.target(),
                            "[Watershed] " + delivery.event().type().id() + ": "
                                    + delivery.event().subject(),
                            text.toString())
                    .addHeader("Watershed-Event-Id", delivery.event().id()));
            return new DeliveryAttempt(clock.instant(), DeliveryAttempt.DELIVERED, null, null);
        } catch (RuntimeException e) {
            // The mailer's exceptions name its classes: the log (DEBUG) gets them, the delivery log plain words.
            LOG.debugf(e, "Delivery %d by email failed", delivery.id());
            return new DeliveryAttempt(
                    clock.instant(),
                    DeliveryAttempt.FAILED,
                    null,
                    "could not send the email: the" + " mail server could not be reached or refused it");
        }
    }

    private static List<String> toStrings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
