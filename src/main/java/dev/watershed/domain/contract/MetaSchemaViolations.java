package dev.watershed.domain.contract;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a meta-schema said of a schema, each problem once. networknt reports one mistake several times: the 2020-12
 * meta-schema checks a subschema once per vocabulary (eight identical "integer found, [object, boolean] expected"),
 * and a keyword whose meta-schema allows alternatives ({@code type}: a name or an array of names) fails in every
 * alternative, in different words.
 */
final class MetaSchemaViolations {

    /** The last {@code anyOf}/{@code oneOf} branch an evaluation path passes through: what is before, and its index. */
    private static final Pattern ALTERNATIVE = Pattern.compile("^(.*)/(?:anyOf|oneOf)/(\\d+)(?:/.*)?$");

    private MetaSchemaViolations() {}

    /**
     * @param pointer where the schema sits in the request, put before each instance location
     * @return "pointer/location: message" per problem, in networknt's order
     */
    static List<String> reasons(List<Error> errors, String pointer) {
        Map<String, Integer> chosen = chosenAlternatives(errors);
        Set<String> reasons = new LinkedHashSet<>();
        for (Error error : errors) {
            Matcher alternative = ALTERNATIVE.matcher(error.getEvaluationPath().toString());
            if (alternative.matches() && chosen.get(alternative.group(1)) != Integer.parseInt(alternative.group(2))) {
                continue;
            }
            reasons.add(pointer + location(error) + ": " + error.getMessage());
        }
        return new ArrayList<>(reasons);
    }

    /**
     * Of the alternatives that all failed, the one that got furthest into the document (the deepest instance
     * location; the first on a tie): "/type/0 is not a type name" says more than "/type is not a string".
     */
    private static Map<String, Integer> chosenAlternatives(List<Error> errors) {
        Map<String, Integer> chosen = new HashMap<>();
        Map<String, Integer> deepest = new HashMap<>();
        for (Error error : errors) {
            Matcher alternative = ALTERNATIVE.matcher(error.getEvaluationPath().toString());
            if (!alternative.matches()) {
                continue;
            }
            String at = alternative.group(1);
            int branch = Integer.parseInt(alternative.group(2));
            int depth = location(error).split("/", -1).length;
            if (!deepest.containsKey(at) || depth > deepest.get(at)) {
                deepest.put(at, depth);
                chosen.put(at, branch);
            }
        }
        return chosen;
    }

    private static String location(Error error) {
        return error.getInstanceLocation().toString().replaceFirst("^\\$", "");
    }
}
