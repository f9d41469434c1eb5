package dev.watershed.domain.notification;

import dev.watershed.domain.InvalidInputException;

/**
 * A webhook URL whose host is an address (or a name for one) that {@link WebhookTargetPolicy} refuses: loopback,
 * private, link-local and the like, unless allowed by {@code watershed.webhooks.allowed-targets}.
 */
public class WebhookTargetNotAllowedException extends InvalidInputException {

    public WebhookTargetNotAllowedException(String pointer, String detail) {
        super("WEBHOOK_TARGET_NOT_ALLOWED", pointer, detail);
    }
}
