package dev.watershed.domain.validation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Compiles {@code pattern} and {@code patternProperties} with RE2/J, whose automaton matches in time linear in the
 * input: a contract author cannot make validation hang with a pattern like {@code ^(a+)+$}. RE2 rejects
 * backreferences and lookaround, so such patterns make the schema invalid instead of slow.
 */
public final class Re2jRegularExpressionFactory implements RegularExpressionFactory {

    public static final Re2jRegularExpressionFactory INSTANCE = new Re2jRegularExpressionFactory();

    private Re2jRegularExpressionFactory() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidContractSchemaException(
                    "Pattern '" + regex + "' is not supported (linear-time RE2 syntax, no lookaround or "
                            + "backreferences): " + e.getDescription(),
                    e);
        }
        // JSON Schema patterns are not anchored, hence find() rather than matches().
        return input -> pattern.matcher(input).find();
    }
}
