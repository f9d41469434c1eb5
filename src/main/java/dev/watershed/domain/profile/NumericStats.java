package dev.watershed.domain.profile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Exact count, min, max, mean and variance (Welford, merged with Chan's formula) plus a KLL sketch for quantiles
 * and histograms of a stream of numbers.
 */
final class NumericStats {

    static final double[] RANKS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
    private static final String[] RANK_LABELS = {"p1", "p5", "p25", "p50", "p75", "p95", "p99"};
    private static final int HISTOGRAM_BINS = 10;

    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();

    void add(double value) {
        // A number beyond a double (JSON's 1e400 reads as infinity, an Avro double may be NaN or infinite) has no
        // place in a mean, a quantile or a histogram; the field's type counts still count it.
        if (!Double.isFinite(value)) {
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        sketch.update(value);
    }

    void merge(NumericStats other) {
        if (other.count == 0) {
            return;
        }
        long total = count + other.count;
        double delta = other.mean - mean;
        m2 += other.m2 + delta * delta * ((double) count * other.count / total);
        mean += delta * other.count / total;
        count = total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        sketch.merge(other.sketch);
    }

    long count() {
        return count;
    }

    /**
     * The sketch's quantiles at ranks 1/bins .. (bins-1)/bins, without repeats, in increasing order: the cut points
     * of roughly equal-mass bins. Empty when nothing was counted.
     */
    double[] splitPoints(int bins) {
        if (count == 0) {
            return new double[0];
        }
        double[] ranks = new double[bins - 1];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = (double) (i + 1) / bins;
        }
        return Arrays.stream(sketch.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE))
                .distinct()
                .sorted()
                .toArray();
    }

    /**
     * The share of values in each bin cut at {@code splits} (increasing, no repeats): splits.length + 1 shares,
     * bins closed below and open above.
     */
    double[] masses(double[] splits) {
        return sketch.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
    }

    NumericSummary summary() {
        if (count == 0) {
            return new NumericSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of(), List.of());
        }
        double[] values = sketch.getQuantiles(RANKS, QuantileSearchCriteria.INCLUSIVE);
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (int i = 0; i < RANKS.length; i++) {
            quantiles.put(RANK_LABELS[i], values[i]);
        }
        return new NumericSummary(count, min, max, mean, Math.sqrt(m2 / count), quantiles, histogram());
    }

    private List<HistogramBin> histogram() {
        if (min == max) {
            return List.of(new HistogramBin(min, max, count));
        }
        // Not (max - min) / bins, which overflows to infinity between -1e308 and 1e308.
        double width = max / HISTOGRAM_BINS - min / HISTOGRAM_BINS;
        double[] splits = new double[HISTOGRAM_BINS - 1];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = min + width * (i + 1);
            if (!(splits[i] > (i == 0 ? min : splits[i - 1]))) {
                // A range too narrow for doubles to cut ten times (such as 0 to 4.9e-324): one bin holds it all.
                return List.of(new HistogramBin(min, max, count));
            }
        }
        // EXCLUSIVE makes each bin [from, to): the value at the upper edge falls into the next bin.
        double[] masses = sketch.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
        List<HistogramBin> bins = new ArrayList<>(HISTOGRAM_BINS);
        for (int i = 0; i < HISTOGRAM_BINS; i++) {
            double to = i == HISTOGRAM_BINS - 1 ? max : splits[i];
            bins.add(new HistogramBin(min + width * i, to, Math.round(masses[i] * count)));
        }
        return bins;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeDouble(min);
        out.writeDouble(max);
        byte[] bytes = sketch.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static NumericStats read(DataInputStream in) throws IOException {
        NumericStats stats = new NumericStats();
        stats.count = in.readLong();
        stats.mean = in.readDouble();
        stats.m2 = in.readDouble();
        stats.min = in.readDouble();
        stats.max = in.readDouble();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        stats.sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));
        return stats;
    }
}
