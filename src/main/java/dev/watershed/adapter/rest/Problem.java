package dev.watershed.adapter.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code code} is stable and meant for programs; {@code detail} says what to fix.
 * Extension members ({@code pointer}, {@code violations}, {@code differences}...) follow the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    public final String type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    public final String code;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(int status, String title, String code, String detail, String instance) {
        this.type = "https://watershed.dev/problems/" + code.toLowerCase().replace('_', '-');
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.code = code;
    }

    public Problem with(String member, Object value) {
        if (value != null) {
            extensions.put(member, value);
        }
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
