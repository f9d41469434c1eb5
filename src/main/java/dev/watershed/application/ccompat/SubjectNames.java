package dev.watershed.application.ccompat;

import dev.watershed.domain.asset.AssetName;
import java.util.Locale;
import java.util.Optional;

/**
 * How subjects and assets name each other. Kafka's default TopicNameStrategy names a topic's value schema
 * {@code <topic>-value} and its key schema {@code <topic>-key}; an asset is the topic's value, so subject
 * {@code orders-value} is asset {@code orders}, and every other subject is an asset of its own, named after it.
 */
final class SubjectNames {

    static final String VALUE_SUFFIX = "-value";

    private SubjectNames() {}

    /** The asset a subject names by the default strategy, if it names one at all. */
    static Optional<String> byStrategy(String subject) {
        return subject.endsWith(VALUE_SUFFIX)
                ? Optional.of(subject.substring(0, subject.length() - VALUE_SUFFIX.length()))
                : Optional.empty();
    }

    /** The subject an asset answers to when it has none recorded. */
    static String defaultSubject(String asset) {
        return asset + VALUE_SUFFIX;
    }

    /**
     * The name of an asset created for a subject: the topic for {@code -value}, the subject otherwise, made a valid
     * asset name (lower case; characters other than letters, digits, '.', '_' and '-' become '-').
     */
    static String assetNameFor(String subject) {
        String base = byStrategy(subject).orElse(subject);
        String name = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) {
            name = "s" + name;
        }
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return new AssetName(name).value();
    }
}
