package dev.watershed.application.notification;

import dev.watershed.domain.NotFoundException;

/** No notification has this id. */
public class NotificationNotFoundException extends NotFoundException {

    public NotificationNotFoundException(long id) {
        super("NOTIFICATION_NOT_FOUND", "notification " + id + " does not exist");
    }
}
