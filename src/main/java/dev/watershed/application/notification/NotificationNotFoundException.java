package dev.watershed.application.notification;

import dev.watershed.domain.NotFoundException;

/** No notification has this id. */
public class NotificationNotFoundException extends NotFoundException {

    private final long id;

    public NotificationNotFoundException(long id) {
        super("NOTIFICATION_NOT_FOUND", "notification " + id + " does not exist");
        this.id = id;
    }

    public long id() {
        return id;
    }
}
