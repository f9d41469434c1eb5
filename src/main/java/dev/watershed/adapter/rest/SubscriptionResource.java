package dev.watershed.adapter.rest;

import dev.watershed.application.notification.NotificationChannel;
import dev.watershed.application.notification.Subscription;
import dev.watershed.application.notification.SubscriptionService;
import dev.watershed.domain.notification.EventType;
import dev.watershed.domain.notification.WebhookTarget;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class SubscriptionResource {

    public record SubscriptionRequest(
            String team, String asset, List<String> events, String channel, String target, String secret) {}

    /**
     * The secret is never returned; {@code signed} says whether there is one. Credentials in the target (user info,
     * token-like query parameters) are shown as {@code ***}.
     */
    public record SubscriptionResponse(
            long id,
            String team,
            String asset,
            List<String> events,
            String channel,
            String target,
            boolean signed,
            Instant createdAt,
            String createdBy) {

        static SubscriptionResponse of(Subscription subscription) {
            return new SubscriptionResponse(
                    subscription.id(),
                    subscription.team(),
                    subscription.asset(),
                    subscription.events().stream().map(EventType::id).sorted().toList(),
                    subscription.channel().name(),
                    WebhookTarget.redact(subscription.target()),
                    subscription.signed(),
                    subscription.createdAt(),
                    subscription.createdBy());
        }
    }

    private final SubscriptionService subscriptions;
    private final RequestCaller caller;

    public SubscriptionResource(SubscriptionService subscriptions, RequestCaller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Subscribe a team to events (its editors or an admin)")
    public Response create(SubscriptionRequest request) {
        RequestBodies.require(request);
        Subscription subscription = subscriptions.create(
                caller.get(),
                request.team(),
                request.asset(),
                request.events(),
                QueryParams.enumValue(NotificationChannel.class, request.channel(), "/channel"),
                request.target(),
                request.secret());
        return Response.created(URI.create("/api/v1/subscriptions/" + subscription.id()))
                .entity(SubscriptionResponse.of(subscription))
                .build();
    }

    @GET
    @Operation(summary = "List a team's subscriptions (its tokens or an admin)")
    public List<SubscriptionResponse> list(@QueryParam("team") String team) {
        return subscriptions.list(caller.get(), team).stream()
                .map(SubscriptionResponse::of)
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscription and cancel its pending deliveries (the team's editors or an admin)")
    public Response delete(@PathParam("id") long id) {
        subscriptions.delete(caller.get(), id);
        return Response.noContent().build();
    }
}
