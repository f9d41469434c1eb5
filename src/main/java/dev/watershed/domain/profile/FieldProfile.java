package dev.watershed.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything profiled about one field path: exact counters per JSON type and of {@code true} and {@code false}
 * values and, created on first use, numeric, string and array-length statistics. Mutable and not thread-safe; one
 * profiler owns it.
 */
public final class FieldProfile {

    private final String path;
    private long count;
    private final long[] typeCounts = new long[ValueType.ALL.length];
    // Booleans read from a format-1 profile were counted without their value: they are in the BOOLEAN type count
    // but in neither of these, so the split of a profile that contains any is unknown rather than all false.
    private long trues;
    private long falses;
    private NumericStats numbers;
    private StringStats strings;
    private NumericStats arrayLengths;

    /** An empty profile of {@code path}. */
    public FieldProfile(String path) {
        this.path = path;
    }

    /** The JSON Pointer of the field, with {@code *} for array elements. */
    public String path() {
        return path;
    }

    /** Occurrences, null values included. */
    public long count() {
        return count;
    }

    /** Occurrences of one JSON type. */
    public long count(ValueType type) {
        return typeCounts[type.ordinal()];
    }

    /** Occurrences of {@code true}; see {@link #booleanSplitKnown()}. */
    public long trueCount() {
        return trues;
    }

    /** Occurrences of {@code false}; see {@link #booleanSplitKnown()}. */
    public long falseCount() {
        return falses;
    }

    /**
     * Whether every boolean occurrence was counted as {@code true} or {@code false}. Profiles stored in format 1
     * counted booleans only as a type, so a profile with any of them merged in has an unknown split.
     */
    public boolean booleanSplitKnown() {
        return trues + falses == count(ValueType.BOOLEAN);
    }

    /** Numeric statistics, or {@code null} when no number was seen. */
    NumericStats numericStats() {
        return numbers;
    }

    /** String statistics, or {@code null} when no string was seen. */
    StringStats stringStats() {
        return strings;
    }

    void observe(JsonNode value) {
        count++;
        switch (value.getNodeType()) {
            case NUMBER -> {
                typeCounts[(value.isIntegralNumber() ? ValueType.INTEGER : ValueType.NUMBER).ordinal()]++;
                numbers().add(value.doubleValue());
            }
            case STRING -> {
                typeCounts[ValueType.STRING.ordinal()]++;
                strings().add(value.textValue());
            }
            case BOOLEAN -> {
                typeCounts[ValueType.BOOLEAN.ordinal()]++;
                if (value.booleanValue()) {
                    trues++;
                } else {
                    falses++;
                }
            }
            case OBJECT, POJO -> typeCounts[ValueType.OBJECT.ordinal()]++;
            case ARRAY -> {
                typeCounts[ValueType.ARRAY.ordinal()]++;
                if (arrayLengths == null) {
                    arrayLengths = new NumericStats();
                }
                arrayLengths.add(value.size());
            }
            default -> typeCounts[ValueType.NULL.ordinal()]++;
        }
    }

    private NumericStats numbers() {
        if (numbers == null) {
            numbers = new NumericStats();
        }
        return numbers;
    }

    private StringStats strings() {
        if (strings == null) {
            strings = new StringStats();
        }
        return strings;
    }

    /**
     * Folds {@code other} (a profile of the same path from another batch) into this one. Counters add up exactly;
     * sketches merge with their usual error bounds.
     *
     * @return this profile
     */
    public FieldProfile merge(FieldProfile other) {
        count += other.count;
        for (int i = 0; i < typeCounts.length; i++) {
            typeCounts[i] += other.typeCounts[i];
        }
        trues += other.trues;
        falses += other.falses;
        if (other.numbers != null) {
            numbers().merge(other.numbers);
        }
        if (other.strings != null) {
            strings().merge(other.strings);
        }
        if (other.arrayLengths != null) {
            if (arrayLengths == null) {
                arrayLengths = new NumericStats();
            }
            arrayLengths.merge(other.arrayLengths);
        }
        return this;
    }

    /** A read-only summary; {@code missing} is supplied by the batch, which knows the parent's count. */
    public FieldSummary summary(long missing) {
        Map<String, Long> types = new LinkedHashMap<>();
        for (ValueType type : ValueType.ALL) {
            if (typeCounts[type.ordinal()] > 0) {
                types.put(type.label(), typeCounts[type.ordinal()]);
            }
        }
        Map<String, Long> booleans = null;
        if (count(ValueType.BOOLEAN) > 0) {
            booleans = new LinkedHashMap<>();
            booleans.put("true", trues);
            booleans.put("false", falses);
            if (!booleanSplitKnown()) {
                booleans.put("unknown", count(ValueType.BOOLEAN) - trues - falses);
            }
        }
        return new FieldSummary(
                count,
                count(ValueType.NULL),
                missing,
                types,
                numbers == null ? null : numbers.summary(),
                strings == null ? null : strings.summary(),
                arrayLengths == null ? null : arrayLengths.summary(),
                booleans);
    }

    /** Writes the profile in the current format ({@code BatchProfile}'s format version 2). */
    void write(DataOutputStream out) throws IOException {
        out.writeUTF(path);
        out.writeLong(count);
        for (long typeCount : typeCounts) {
            out.writeLong(typeCount);
        }
        out.writeLong(trues);
        out.writeLong(falses);
        out.writeByte((numbers == null ? 0 : 1) | (strings == null ? 0 : 2) | (arrayLengths == null ? 0 : 4));
        if (numbers != null) {
            numbers.write(out);
        }
        if (strings != null) {
            strings.write(out);
        }
        if (arrayLengths != null) {
            arrayLengths.write(out);
        }
    }

    /**
     * Reads a profile written by {@link #write} in {@code formatVersion} 2, or in version 1, which had no true and
     * false counts: its booleans come back with an unknown split.
     */
    static FieldProfile read(DataInputStream in, int formatVersion) throws IOException {
        FieldProfile profile = new FieldProfile(in.readUTF());
        profile.count = in.readLong();
        for (int i = 0; i < profile.typeCounts.length; i++) {
            profile.typeCounts[i] = in.readLong();
        }
        if (formatVersion >= 2) {
            profile.trues = in.readLong();
            profile.falses = in.readLong();
            if (profile.trues < 0
                    || profile.falses < 0
                    || profile.trues + profile.falses > profile.count(ValueType.BOOLEAN)) {
                throw new IOException("true and false counts of " + profile.path + " exceed its booleans");
            }
        }
        int present = in.readByte();
        profile.numbers = (present & 1) == 0 ? null : NumericStats.read(in);
        profile.strings = (present & 2) == 0 ? null : StringStats.read(in);
        profile.arrayLengths = (present & 4) == 0 ? null : NumericStats.read(in);
        return profile;
    }
}
