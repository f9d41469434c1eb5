package dev.watershed.application.ccompat;

import java.util.Map;
import java.util.Optional;

/** Subject names assets answer to besides the default {@code <asset>-value}. */
public interface SubjectStore {

    Optional<String> assetOf(String subject);

    /** Subject to asset, for every recorded subject. */
    Map<String, String> all();

    void add(String subject, String asset);
}
