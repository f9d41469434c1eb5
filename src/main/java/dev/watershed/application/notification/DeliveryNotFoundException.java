package dev.watershed.application.notification;

import dev.watershed.domain.NotFoundException;

/** No delivery has this id. */
public class DeliveryNotFoundException extends NotFoundException {

    public DeliveryNotFoundException(long id) {
        super("DELIVERY_NOT_FOUND", "delivery " + id + " does not exist: list them with GET /api/v1/deliveries");
    }
}
