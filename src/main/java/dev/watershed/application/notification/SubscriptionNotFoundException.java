package dev.watershed.application.notification;

import dev.watershed.domain.NotFoundException;

/** No subscription has this id. */
public class SubscriptionNotFoundException extends NotFoundException {

    public SubscriptionNotFoundException(long id) {
        super(
                "SUBSCRIPTION_NOT_FOUND",
                "subscription " + id + " does not exist: list a team's with"
                        + " GET /api/v1/subscriptions?team=<name>");
    }
}
