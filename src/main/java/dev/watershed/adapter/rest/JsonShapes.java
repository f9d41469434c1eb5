package dev.watershed.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Says in JSON's words what a request member should have been. Jackson's own messages name the Java class it was
 * binding to, which means nothing to a client and gives away the server's insides.
 */
final class JsonShapes {

    private JsonShapes() {}

    /** "expected a string", "expected an array", ...; for an unknown target, what JSON value would do. */
    static String expected(Class<?> target) {
        if (target == null || JsonNode.class.isAssignableFrom(target) || target == Object.class) {
            return "expected a JSON value of another type";
        }
        if (target.isEnum()) {
            return "expected one of "
                    + Arrays.stream(target.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(target)
                || target == char.class
                || target == Character.class
                || Temporal.class.isAssignableFrom(target)) {
            return "expected a string";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "expected true or false";
        }
        if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return "expected a number";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "expected an array";
        }
        return "expected an object";
    }
}
