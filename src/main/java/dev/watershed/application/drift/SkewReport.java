package dev.watershed.application.drift;

import dev.watershed.application.validation.ProfileReference;
import dev.watershed.domain.profile.DriftAnomaly;
import dev.watershed.domain.profile.FieldDrift;
import java.util.List;

/**
 * Training/serving skew of a model's inputs: per producer it reads, the latest training-labelled profile compared
 * with the latest serving-labelled one.
 *
 * @param producers producers with both observations, the most skewed first
 * @param missing   producers lacking one or both observations, with what to record
 */
public record SkewReport(
        String model,
        String training,
        String serving,
        List<ProducerSkew> producers,
        List<MissingObservations> missing) {

    public SkewReport {
        producers = List.copyOf(producers);
        missing = List.copyOf(missing);
    }

    /** Whether any feature skews beyond its threshold. */
    public boolean skewed() {
        return producers.stream().anyMatch(ProducerSkew::skewed);
    }

    /**
     * One producer's comparison.
     *
     * @param fields    what the model reads of it; empty for the whole contract
     * @param worst     the largest distance relative to its threshold among the compared fields (1 = at it)
     * @param features  the fields the model reads, the most skewed first
     * @param anomalies every anomaly among them, worst first
     */
    public record ProducerSkew(
            String producer,
            List<String> fields,
            ProfileReference training,
            ProfileReference serving,
            double worst,
            List<FieldDrift> features,
            List<DriftAnomaly> anomalies) {

        public boolean skewed() {
            return !anomalies.isEmpty();
        }
    }

    /**
     * A producer whose skew cannot be computed yet.
     *
     * @param lacking the labels with no profiled observation
     * @param hint    how to record them
     */
    public record MissingObservations(String producer, List<String> lacking, String hint) {}
}
