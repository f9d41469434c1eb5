package dev.watershed.application.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineSummariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTypeWithoutItsOwnWordsShowsItsTypeVersionAndOwnSummary() {
        assertThat(TimelineSummaries.of(
                        "schema.reviewed",
                        "retail.sales",
                        data(Map.of("version", "1.2.0", "summary", "approved by the data council"))))
                .isEqualTo("schema.reviewed on retail.sales 1.2.0: approved by the data council");
        assertThat(TimelineSummaries.of("schema.reviewed", "retail.sales", data(Map.of())))
                .isEqualTo("schema.reviewed on retail.sales");
    }

    @Test
    void aDriftNamesWhatItWasComparedWithAndItsWorstAnomaly() {
        List<Map<String, Object>> anomalies = List.of(
                Map.of("field", "/units_sold", "detail", "/units_sold moved: Jensen-Shannon divergence 0.310"),
                Map.of("field", "/store_id", "detail", "/store_id changed its mix"));
        assertThat(TimelineSummaries.of(
                        "drift.detected",
                        "retail.sales",
                        data(Map.of(
                                "against", Map.of("kind", "baseline", "label", "training"), "anomalies", anomalies))))
                .isEqualTo("retail.sales drifted from its baseline (training): 2 anomalies, worst: /units_sold"
                        + " moved: Jensen-Shannon divergence 0.310");
        assertThat(TimelineSummaries.of(
                        "drift.detected",
                        "retail.sales",
                        data(Map.of(
                                "against",
                                Map.of("kind", "observation", "label", "daily"),
                                "anomalies",
                                anomalies.subList(1, 2)))))
                .isEqualTo("retail.sales drifted from its previous observation (daily): 1 anomaly, worst:"
                        + " /store_id changed its mix");
    }

    @Test
    void aPublicationNamesThreeDifferencesAndCountsTheRest() {
        List<Map<String, Object>> differences = List.of(
                difference("/a", "a went away", true, false),
                difference("/b", "b narrowed", false, true),
                difference("", "root changed", true, true),
                difference("/d", "d documented", false, false),
                difference("/e", "e documented", false, false));
        String summary = TimelineSummaries.of(
                "contract.published",
                "x",
                data(Map.of(
                        "version", "2.0.0", "previousVersion", "1.3.0", "bump", "MAJOR", "differences", differences)));

        assertThat(summary)
                .isEqualTo("x 2.0.0 (MAJOR, was 1.3.0) changed /a: a went away (breaks reading data"
                        + " written under 1.3.0); /b: b narrowed (breaks readers of 1.3.0); the root: root changed (breaks"
                        + " readers of 1.3.0 and reading data written under it); and 2 more differences");
        assertThat(TimelineSummaries.of("contract.published", "x", data(Map.of("version", "1.0.0"))))
                .isEqualTo("x 1.0.0 published, its first version");
    }

    private static Map<String, Object> difference(String path, String message, boolean backward, boolean forward) {
        return Map.of("path", path, "message", message, "breaksBackward", backward, "breaksForward", forward);
    }

    private static JsonNode data(Map<String, Object> data) {
        return JSON.valueToTree(data);
    }
}
