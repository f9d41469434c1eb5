package dev.watershed.domain.health;

import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import java.util.ArrayList;
import java.util.List;

/**
 * The request that declares a dependency, written out for a finding's remedy so that it can be sent as it is: the
 * body of {@code PUT /api/v1/assets/{consumer}/dependencies/{producer}}, with the field names of the REST adapter's
 * dependency request. A PUT replaces the whole declaration, so when one exists its other terms are repeated.
 */
final class DependencyDeclaration {

    private DependencyDeclaration() {}

    /** A new dependency reading {@code fields} (the whole contract when empty). */
    static String of(String producer, String consumer, List<String> fields) {
        return request(producer, consumer, fields.isEmpty() ? "{}" : "{\"fields\":" + array(fields) + "}");
    }

    /** {@code declared} again with {@code fields} as its field list, everything else kept. */
    static String replacing(DependencyEdge declared, List<String> fields) {
        List<String> members = new ArrayList<>();
        if (!declared.versionRange().isAny()) {
            members.add("\"versionRange\":" + string(declared.versionRange().toString()));
        }
        if (!fields.isEmpty()) {
            members.add("\"fields\":" + array(fields));
        }
        if (declared.usage() != Usage.BOTH) {
            members.add("\"usage\":" + string(declared.usage().name()));
        }
        if (declared.note() != null) {
            members.add("\"note\":" + string(declared.note()));
        }
        UsageTerms terms = declared.terms();
        if (terms.splitKey() != null) {
            members.add("\"splitKey\":" + string(terms.splitKey()));
        }
        if (!terms.targetFields().isEmpty()) {
            members.add("\"targetFields\":" + array(terms.targetFields()));
        }
        if (terms.cost() != null) {
            members.add("\"cost\":{\"amount\":" + terms.cost().amount() + ",\"unit\":"
                    + string(terms.cost().unit()) + "}");
        }
        if (terms.benefit() != null) {
            members.add("\"benefit\":{\"value\":" + terms.benefit().value() + ",\"metric\":"
                    + string(terms.benefit().metric()) + "}");
        }
        return request(declared.producer(), declared.consumer(), "{" + String.join(",", members) + "}");
    }

    private static String request(String producer, String consumer, String body) {
        return "PUT /api/v1/assets/" + consumer + "/dependencies/" + producer + " " + body;
    }

    private static String array(List<String> values) {
        return "["
                + String.join(
                        ",", values.stream().map(DependencyDeclaration::string).toList()) + "]";
    }

    /** A JSON string: pointers and notes may hold quotes, backslashes or control characters. */
    private static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
