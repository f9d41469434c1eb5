package dev.watershed.domain.profile;

import java.util.Map;

/**
 * A read-only view of a {@link BatchProfile} for JSON responses.
 *
 * @param records        records profiled
 * @param fields         per JSON Pointer path, sorted by path; array elements appear as {@code *}
 * @param fieldsTruncated whether more paths occurred than were tracked
 */
public record ProfileSummary(long records, Map<String, FieldSummary> fields, boolean fieldsTruncated) {}
