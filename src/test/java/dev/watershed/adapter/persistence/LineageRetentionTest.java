package dev.watershed.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.adapter.rest.Api;
import dev.watershed.application.lineage.LineageStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Raw OpenLineage events go after the retention, in batches; what they showed stays. */
@QuarkusTest
class LineageRetentionTest {

    @Inject
    LineageStore store;

    @Test
    void rawEventsReceivedBeforeTheCutoffAreDeletedInBatchesAndTheFlowsTheyShowedStay() {
        String namespace = "retention://" + UUID.randomUUID();
        String runId = UUID.randomUUID().toString();
        String event = """
                {"eventType": "COMPLETE", "eventTime": "2026-06-01T10:00:00Z",
                 "run": {"runId": "%s"}, "job": {"namespace": "etl", "name": "keep"},
                 "inputs": [{"namespace": "%s", "name": "in"}], "outputs": [{"namespace": "%s", "name": "out"}]}
                """.formatted(runId, namespace, namespace);
        Api.asAdmin().body(event).post("/api/v1/lineage").then().statusCode(201);
        Api.asAdmin().body(event).post("/api/v1/lineage").then().statusCode(200);

        Instant later = Instant.now().plusSeconds(1);
        int deleted = 0;
        for (int batch = QuarkusTransaction.requiringNew().call(() -> store.deleteEventsReceivedBefore(later, 100));
                batch > 0;
                batch = QuarkusTransaction.requiringNew().call(() -> store.deleteEventsReceivedBefore(later, 100))) {
            assertThat(batch).isBetween(1, 100);
            deleted += batch;
        }
        assertThat(deleted).isPositive();
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.bodiesOfRun(runId, "")))
                .isEmpty();

        // The raw event is gone, so the same event is new again; its run is not counted twice.
        Api.asAdmin().body(event).post("/api/v1/lineage").then().statusCode(201);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.flows()).stream()
                        .filter(flow -> flow.input().namespace().equals(namespace))
                        .toList())
                .singleElement()
                .satisfies(flow -> assertThat(flow.runs()).isEqualTo(1));
    }
}
