package dev.watershed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A realistic 30-field order schema and a deterministic generator of records, about 5% of them invalid. */
public final class ValidationFixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    public static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["orderId", "createdAt", "status", "currency", "total", "customer", "lines"],
              "properties": {
                "orderId": {"type": "string", "format": "uuid"},
                "createdAt": {"type": "string", "format": "date-time"},
                "deliveryDate": {"type": "string", "format": "date"},
                "status": {"enum": ["NEW", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]},
                "channel": {"enum": ["web", "app", "store", "phone"]},
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                "total": {"type": "number", "minimum": 0, "maximum": 1000000},
                "tax": {"type": "number", "minimum": 0},
                "discount": {"type": "number", "minimum": 0, "maximum": 100},
                "itemCount": {"type": "integer", "minimum": 1, "maximum": 500},
                "priority": {"type": "integer", "minimum": 0, "maximum": 9},
                "gift": {"type": "boolean"},
                "couponCode": {"type": ["string", "null"], "pattern": "^[A-Z0-9]{6,10}$"},
                "notes": {"type": "string", "maxLength": 500},
                "sourceIp": {"type": "string", "format": "ipv4"},
                "userAgent": {"type": "string", "maxLength": 300},
                "locale": {"type": "string", "pattern": "^[a-z]{2}-[A-Z]{2}$"},
                "warehouse": {"type": "string", "enum": ["PAR1", "LYS2", "MRS1", "BOD3"]},
                "shippingCost": {"type": "number", "minimum": 0},
                "weightKg": {"type": "number", "exclusiveMinimum": 0},
                "loyaltyPoints": {"type": "integer", "minimum": 0},
                "paymentMethod": {"enum": ["card", "paypal", "transfer", "voucher"]},
                "cardLast4": {"type": "string", "pattern": "^[0-9]{4}$"},
                "referrer": {"type": "string", "format": "uri"},
                "campaign": {"type": "string", "minLength": 1, "maxLength": 40},
                "returnable": {"type": "boolean"},
                "version": {"type": "integer", "const": 3},
                "tags": {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": 10,
                         "uniqueItems": true},
                "customer": {
                  "type": "object",
                  "required": ["id", "email"],
                  "properties": {
                    "id": {"type": "string", "pattern": "^C[0-9]{8}$"},
                    "email": {"type": "string", "format": "email"},
                    "name": {"type": "string", "minLength": 1, "maxLength": 100},
                    "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                    "segment": {"enum": ["retail", "pro", "vip"]}
                  },
                  "additionalProperties": false
                },
                "lines": {
                  "type": "array",
                  "minItems": 1,
                  "items": {
                    "type": "object",
                    "required": ["sku", "quantity", "price"],
                    "properties": {
                      "sku": {"type": "string", "pattern": "^SKU-[0-9]{6}$"},
                      "quantity": {"type": "integer", "minimum": 1},
                      "price": {"type": "number", "minimum": 0}
                    }
                  }
                }
              }
            }
            """;

    private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"};
    private static final String[] CHANNELS = {"web", "app", "store", "phone"};
    private static final String[] WAREHOUSES = {"PAR1", "LYS2", "MRS1", "BOD3"};
    private static final String[] PAYMENTS = {"card", "paypal", "transfer", "voucher"};
    private static final String[] SEGMENTS = {"retail", "pro", "vip"};
    private static final String[] LOCALES = {"fr-FR", "en-GB", "de-DE", "es-ES"};

    private ValidationFixtures() {}

    public static JsonNode schema() {
        try {
            return MAPPER.readTree(SCHEMA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} records from a fixed seed; about one in twenty breaks one rule of the schema. */
    public static List<JsonNode> records(int count, long seed) {
        Random random = new Random(seed);
        List<JsonNode> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record(random, i));
        }
        return records;
    }

    /** The records as NDJSON bytes. */
    public static byte[] ndjson(List<JsonNode> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (JsonNode record : records) {
                out.write(MAPPER.writeValueAsBytes(record));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ObjectNode record(Random random, int i) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("orderId", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        r.put(
                "createdAt",
                String.format(
                        "2025-%02d-%02dT%02d:%02d:%02dZ",
                        1 + random.nextInt(12),
                        1 + random.nextInt(28),
                        random.nextInt(24),
                        random.nextInt(60),
                        random.nextInt(60)));
        r.put("deliveryDate", String.format("2025-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)));
        r.put("status", pick(random, STATUSES));
        r.put("channel", pick(random, CHANNELS));
        r.put("currency", "EUR");
        r.put("total", Math.round(random.nextDouble() * 50_000) / 100.0);
        r.put("tax", Math.round(random.nextDouble() * 5_000) / 100.0);
        r.put("discount", random.nextInt(30));
        r.put("itemCount", 1 + random.nextInt(20));
        r.put("priority", random.nextInt(10));
        r.put("gift", random.nextBoolean());
        if (random.nextBoolean()) {
            r.putNull("couponCode");
        } else {
            r.put("couponCode", "SAVE" + (100 + random.nextInt(900)));
        }
        r.put("notes", "Leave the parcel with the neighbour if nobody answers, order " + i);
        r.put("sourceIp", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
        r.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)");
        r.put("locale", pick(random, LOCALES));
        r.put("warehouse", pick(random, WAREHOUSES));
        r.put("shippingCost", random.nextInt(2_000) / 100.0);
        r.put("weightKg", 0.1 + random.nextInt(300) / 10.0);
        r.put("loyaltyPoints", random.nextInt(10_000));
        r.put("paymentMethod", pick(random, PAYMENTS));
        r.put("cardLast4", String.format("%04d", random.nextInt(10_000)));
        r.put("referrer", "https://partner" + random.nextInt(50) + ".example.com/landing?id=" + i);
        r.put("campaign", "spring-sale-" + random.nextInt(20));
        r.put("returnable", random.nextBoolean());
        r.put("version", 3);
        ArrayNode tags = r.putArray("tags");
        for (int t = random.nextInt(4); t > 0; t--) {
            tags.add("tag" + t);
        }
        ObjectNode customer = r.putObject("customer");
        customer.put("id", String.format("C%08d", random.nextInt(100_000_000)));
        customer.put("email", "user" + random.nextInt(100_000) + "@example.com");
        customer.put("name", "Customer " + random.nextInt(1_000));
        customer.put("country", "FR");
        customer.put("segment", pick(random, SEGMENTS));
        ArrayNode lines = r.putArray("lines");
        for (int l = 1 + random.nextInt(4); l > 0; l--) {
            ObjectNode line = lines.addObject();
            line.put("sku", String.format("SKU-%06d", random.nextInt(1_000_000)));
            line.put("quantity", 1 + random.nextInt(5));
            line.put("price", Math.round(random.nextDouble() * 20_000) / 100.0);
        }
        if (random.nextInt(20) == 0) {
            breakOneRule(random, r);
        }
        return r;
    }

    private static void breakOneRule(Random random, ObjectNode r) {
        switch (random.nextInt(6)) {
            case 0 -> r.put("total", -5);
            case 1 -> r.put("status", "LOST");
            case 2 -> ((ObjectNode) r.get("customer")).put("email", "not-an-email");
            case 3 -> r.remove("currency");
            case 4 -> ((ObjectNode) r.get("lines").get(0)).put("sku", "bad");
            default -> r.put("createdAt", "yesterday");
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
