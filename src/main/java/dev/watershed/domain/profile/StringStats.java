package dev.watershed.domain.profile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/** Distinct count (HLL), most frequent values (frequent-items sketch) and exact length stats of strings. */
final class StringStats {

    private static final int HLL_LG_K = 12;
    private static final int FREQUENT_MAP_SIZE = 128;
    private static final int TOP_K = 10;
    private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

    private long count;
    private long lengthSum;
    private int minLength = Integer.MAX_VALUE;
    private int maxLength;
    private HllSketch distinct = new HllSketch(HLL_LG_K);
    private ItemsSketch<String> frequent = new ItemsSketch<>(FREQUENT_MAP_SIZE);

    void add(String value) {
        count++;
        int length = value.length();
        lengthSum += length;
        if (length < minLength) {
            minLength = length;
        }
        if (length > maxLength) {
            maxLength = length;
        }
        distinct.update(value);
        frequent.update(value);
    }

    void merge(StringStats other) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        lengthSum += other.lengthSum;
        minLength = Math.min(minLength, other.minLength);
        maxLength = Math.max(maxLength, other.maxLength);
        Union union = new Union(HLL_LG_K);
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult(TgtHllType.HLL_4);
        frequent.merge(other.frequent);
    }

    long count() {
        return count;
    }

    /** Whether {@link #counts()} is exact: the sketch never had to drop a value, having seen few distinct ones. */
    boolean exact() {
        return frequent.getMaximumError() == 0;
    }

    /**
     * Count per value tracked by the frequent-items sketch: every value when {@link #exact()}, otherwise the most
     * frequent ones with counts that may be over-estimated by at most the sketch's maximum error.
     */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ItemsSketch.Row<String> row : frequent.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES)) {
            counts.put(row.getItem(), row.getEstimate());
        }
        return counts;
    }

    StringSummary summary() {
        if (count == 0) {
            return new StringSummary(0, 0, 0, 0, 0, List.of());
        }
        ItemsSketch.Row<String>[] rows = frequent.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
        List<FrequentValue> top = new ArrayList<>(Math.min(rows.length, TOP_K));
        for (int i = 0; i < rows.length && i < TOP_K; i++) {
            top.add(new FrequentValue(rows[i].getItem(), rows[i].getEstimate()));
        }
        return new StringSummary(count, distinct.getEstimate(), minLength, maxLength, (double) lengthSum / count, top);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeLong(count);
        out.writeLong(lengthSum);
        out.writeInt(minLength);
        out.writeInt(maxLength);
        writeBytes(out, distinct.toCompactByteArray());
        writeBytes(out, frequent.toByteArray(SERDE));
    }

    static StringStats read(DataInputStream in) throws IOException {
        StringStats stats = new StringStats();
        stats.count = in.readLong();
        stats.lengthSum = in.readLong();
        stats.minLength = in.readInt();
        stats.maxLength = in.readInt();
        stats.distinct = HllSketch.heapify(readBytes(in));
        stats.frequent = ItemsSketch.getInstance(Memory.wrap(readBytes(in)), SERDE);
        return stats;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
