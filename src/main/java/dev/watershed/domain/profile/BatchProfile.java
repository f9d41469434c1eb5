package dev.watershed.domain.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profile of a batch of records: a {@link FieldProfile} per field path, at most {@code maxFields} of them.
 * Profiles of different batches merge into the profile of their union and serialise to bytes, so they can be
 * stored with a contract version and compared later.
 */
public final class BatchProfile {

    private static final int MAGIC = 0x57534250;
    // 2 added the true and false counts of each field; version 1 bytes, stored before, are still read.
    private static final int FORMAT_VERSION = 2;
    private static final int OLDEST_READABLE_VERSION = 1;

    private final int maxFields;
    private long records;
    private boolean fieldsTruncated;
    private final Map<String, FieldProfile> fields;

    BatchProfile(int maxFields, long records, boolean fieldsTruncated, Map<String, FieldProfile> fields) {
        this.maxFields = maxFields;
        this.records = records;
        this.fieldsTruncated = fieldsTruncated;
        this.fields = fields;
    }

    /** An empty profile that tracks at most {@code maxFields} paths. */
    public static BatchProfile empty(int maxFields) {
        return new BatchProfile(maxFields, 0, false, new LinkedHashMap<>());
    }

    /** Records profiled. */
    public long records() {
        return records;
    }

    /** The profiles by path, in order of first appearance. */
    public Map<String, FieldProfile> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Whether paths were dropped because {@code maxFields} was reached. */
    public boolean fieldsTruncated() {
        return fieldsTruncated;
    }

    /**
     * The profile of both batches together; neither input changes. Counters are exact, sketches approximate as
     * usual. The result keeps this profile's field cap.
     */
    public BatchProfile merge(BatchProfile other) {
        BatchProfile result = empty(maxFields);
        result.absorb(this);
        result.absorb(other);
        return result;
    }

    /**
     * The profile of all the batches together, built in one accumulator: merging them pairwise would copy the
     * growing profile once per batch. None of the inputs changes.
     */
    public static BatchProfile mergeAll(int maxFields, Iterable<BatchProfile> profiles) {
        BatchProfile result = empty(maxFields);
        for (BatchProfile profile : profiles) {
            result.absorb(profile);
        }
        return result;
    }

    private void absorb(BatchProfile other) {
        records += other.records;
        fieldsTruncated |= other.fieldsTruncated;
        for (FieldProfile field : other.fields.values()) {
            FieldProfile mine = fields.get(field.path());
            if (mine == null) {
                if (fields.size() >= maxFields) {
                    fieldsTruncated = true;
                    continue;
                }
                mine = new FieldProfile(field.path());
                fields.put(field.path(), mine);
            }
            mine.merge(field);
        }
    }

    /** A JSON-ready view, fields sorted by path. */
    public ProfileSummary summary() {
        Map<String, FieldSummary> summaries = new TreeMap<>();
        for (FieldProfile field : fields.values()) {
            summaries.put(field.path(), field.summary(missing(field)));
        }
        return new ProfileSummary(records, summaries, fieldsTruncated);
    }

    /** Times the object holding {@code field} was present without it (0 for array elements and a record's root). */
    long missing(FieldProfile field) {
        String path = field.path();
        int slash = path.lastIndexOf('/');
        if (slash < 0 || path.endsWith("/*")) {
            return 0;
        }
        String parentPath = path.substring(0, slash);
        long parentObjects;
        if (parentPath.isEmpty()) {
            // Records that were not objects were profiled at "" and held no fields.
            FieldProfile root = fields.get("");
            parentObjects = root == null ? records : records - root.count();
        } else {
            FieldProfile parent = fields.get(parentPath);
            parentObjects = parent == null ? field.count() : parent.count(ValueType.OBJECT);
        }
        return Math.max(0, parentObjects - field.count());
    }

    /** The profile as bytes: exact counters and the sketches' own binary forms. */
    public byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(maxFields);
            out.writeLong(records);
            out.writeBoolean(fieldsTruncated);
            out.writeInt(fields.size());
            for (FieldProfile field : fields.values()) {
                field.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads bytes written by {@link #serialize()}, now or by an earlier release: profiles of format version 1 had
     * no true and false counts, so their boolean fields come back with an unknown split
     * ({@link FieldProfile#booleanSplitKnown()}).
     *
     * @throws InvalidProfileException if the bytes are not a profile of a known format version
     */
    public static BatchProfile deserialize(byte[] serialized) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("unknown header");
            }
            int version = in.readInt();
            if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
                throw new IOException("unknown format version " + version);
            }
            int maxFields = in.readInt();
            long records = in.readLong();
            boolean truncated = in.readBoolean();
            int size = in.readInt();
            Map<String, FieldProfile> fields = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                FieldProfile field = FieldProfile.read(in, version);
                fields.put(field.path(), field);
            }
            return new BatchProfile(maxFields, records, truncated, fields);
        } catch (IOException | RuntimeException e) {
            throw new InvalidProfileException("The bytes are not a serialised batch profile: " + e.getMessage(), e);
        }
    }
}
