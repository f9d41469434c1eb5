package dev.watershed.adapter.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.application.notification.OutgoingDelivery;

/** Renders a delivery as a CloudEvents 1.0 event in structured JSON mode. */
final class CloudEvents {

    static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvents() {}

    /** The event, with the recipient's team and reasons added to {@code data.recipient}. */
    static ObjectNode of(OutgoingDelivery delivery, String source) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", delivery.event().id());
        event.put("source", source);
        event.put("type", delivery.event().type().cloudEventType());
        event.put("subject", delivery.event().subject());
        event.put("time", delivery.event().occurredAt().toString());
        event.put("datacontenttype", "application/json");
        ObjectNode data = (ObjectNode) read(delivery.event().data());
        ObjectNode recipient = data.putObject("recipient");
        recipient.put("team", delivery.team());
        recipient.set("reasons", read(delivery.reason()));
        event.set("data", data);
        return event;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the outbox holds JSON written by OutboxWriter", e);
        }
    }
}
