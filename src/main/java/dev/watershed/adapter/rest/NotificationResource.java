package dev.watershed.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.notification.InboxNotification;
import dev.watershed.application.notification.NotificationService;
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

/** A team's in-app inbox. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param reasons why the team gets it: for each affected asset of theirs, the path from the changed asset and
     *                the fields they read
     */
    public record NotificationResponse(
            long id,
            String team,
            String eventId,
            String type,
            String subject,
            Instant occurredAt,
            boolean read,
            Instant readAt,
            JsonNode data,
            JsonNode reasons) {

        static NotificationResponse of(InboxNotification notification) {
            return new NotificationResponse(
                    notification.id(),
                    notification.team(),
                    notification.eventId(),
                    notification.type().id(),
                    notification.subject(),
                    notification.occurredAt(),
                    notification.readAt() != null,
                    notification.readAt(),
                    tree(notification.data()),
                    tree(notification.reason()));
        }
    }

    private final NotificationService notifications;
    private final RequestCaller caller;

    public NotificationResource(NotificationService notifications, RequestCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A team's notifications, newest first")
    public List<NotificationResponse> list(
            @QueryParam("team") String team, @QueryParam("unread") String unread, @QueryParam("limit") String limit) {
        return notifications
                .inbox(team, QueryParams.booleanValue(unread, "unread"), QueryParams.intValue(limit, "limit", 50))
                .stream()
                .map(NotificationResponse::of)
                .toList();
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification read (the team's editors or an admin)")
    public NotificationResponse read(@PathParam("id") long id) {
        return NotificationResponse.of(notifications.markRead(caller.get(), id));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notifications hold JSON written by the registry", e);
        }
    }
}
