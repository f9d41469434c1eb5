package dev.watershed.adapter.rest;

import dev.watershed.application.notification.Delivery;
import dev.watershed.application.notification.DeliveryAttempt;
import dev.watershed.application.notification.DeliveryStatus;
import dev.watershed.application.notification.NotificationService;
import dev.watershed.domain.notification.WebhookTarget;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook and email deliveries with their attempts; FAILED ones are the dead letters. Only the recipient team's
 * tokens and admins see them: anonymous callers get 401, another team's token 403.
 */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class DeliveryResource {

    /** The target with its credentials shown as {@code ***}. */
    public record DeliveryResponse(
            long id,
            String eventId,
            String type,
            String subject,
            String team,
            Long subscriptionId,
            String channel,
            String target,
            String status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt,
            List<DeliveryAttempt> log) {

        static DeliveryResponse of(Delivery delivery) {
            return new DeliveryResponse(
                    delivery.id(),
                    delivery.eventId(),
                    delivery.type().id(),
                    delivery.subject(),
                    delivery.team(),
                    delivery.subscriptionId(),
                    delivery.channel().name(),
                    WebhookTarget.redact(delivery.target()),
                    delivery.status().name(),
                    delivery.attempts(),
                    delivery.createdAt(),
                    delivery.status() == DeliveryStatus.PENDING ? delivery.nextAttemptAt() : null,
                    delivery.deliveredAt(),
                    delivery.log());
        }
    }

    private final NotificationService notifications;
    private final RequestCaller caller;

    public DeliveryResource(NotificationService notifications, RequestCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Deliveries, newest first, by status and team (an admin: any team; others: their own)")
    public List<DeliveryResponse> list(
            @QueryParam("status") String status, @QueryParam("team") String team, @QueryParam("limit") String limit) {
        return notifications
                .deliveries(
                        caller.get(),
                        QueryParams.enumValue(DeliveryStatus.class, status, "status"),
                        QueryParams.blankToNull(team),
                        QueryParams.intValue(limit, "limit", 50))
                .stream()
                .map(DeliveryResponse::of)
                .toList();
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Send a delivery again with a fresh retry window (an admin or the recipient team)")
    public DeliveryResponse retry(@PathParam("id") long id) {
        return DeliveryResponse.of(notifications.retry(caller.get(), id));
    }
}
