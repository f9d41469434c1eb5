package dev.watershed.application.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.contract.ContractStore;
import dev.watershed.application.contract.SchemaCache;
import dev.watershed.application.lineage.IngestResult.DatasetCheck;
import dev.watershed.application.lineage.IngestResult.SchemaStatus;
import dev.watershed.application.lineage.LineageStore.Role;
import dev.watershed.domain.Sha256;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.lineage.ColumnRead;
import dev.watershed.domain.lineage.DatasetId;
import dev.watershed.domain.lineage.LineageEvent;
import dev.watershed.domain.lineage.ObservedDataset;
import dev.watershed.domain.lineage.ObservedSchemaCheck;
import dev.watershed.domain.lineage.ObservedSchemaVerdict;
import dev.watershed.domain.lineage.OpenLineageEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes OpenLineage events in: stores each raw event once, records the datasets it names and their jobs, checks
 * every schema facet against the contract of the dataset's asset, and turns each completed run's inputs × outputs
 * into observed flows. Any authenticated caller may report lineage: pipelines report what they read and wrote, which
 * changes no one's declarations.
 */
@ApplicationScoped
public class LineageIngestion {

    private final LineageStore store;
    private final ContractStore contracts;
    private final SchemaCache schemas;
    private final AssetAdoption adoption;
    private final Event<ContractViolated> violated;
    private final ObjectMapper json;
    private final Clock clock;

    public LineageIngestion(
            LineageStore store,
            ContractStore contracts,
            SchemaCache schemas,
            AssetAdoption adoption,
            Event<ContractViolated> violated,
            ObjectMapper json,
            Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.schemas = schemas;
        this.adoption = adoption;
        this.violated = violated;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param event the parsed body
     * @param body  the body as received (decompressed), stored as the raw event
     */
    @Transactional
    public IngestResult ingest(Caller caller, JsonNode event, String body) {
        caller.requireAuthenticated();
        LineageEvent read = OpenLineageEvents.read(event);
        String key = Sha256.hex(read.identity());
        store.lockForIngestion();
        if (!store.insertEvent(key, read, body, clock.instant())) {
            return new IngestResult(true, key, List.of());
        }
        boolean completed = read.completesRun();
        List<DatasetCheck> checks = new ArrayList<>();
        for (ObservedDataset input : read.inputs()) {
            checks.add(seen(read, input, Role.INPUT, completed));
        }
        for (ObservedDataset output : read.outputs()) {
            checks.add(seen(read, output, Role.OUTPUT, completed));
        }
        if (completed) {
            recordFlows(read, key);
        }
        return new IngestResult(false, key, checks);
    }

    private DatasetCheck seen(LineageEvent event, ObservedDataset dataset, Role role, boolean completed) {
        store.datasetSeen(dataset, event.job(), role, event.eventTime(), completed);
        Optional<String> asset = store.assetOf(dataset.id()).or(() -> adoption.adopt(dataset.id()));
        if (dataset.schema() == null) {
            return new DatasetCheck(
                    dataset.id(), asset.orElse(null), null, SchemaStatus.NOT_REPORTED, List.of(), List.of());
        }
        Optional<Contract> contract = asset.flatMap(contracts::latest);
        if (contract.isEmpty()) {
            store.schemaSeen(dataset.id(), dataset.schema(), null, event.eventTime());
            return new DatasetCheck(
                    dataset.id(), asset.orElse(null), null, SchemaStatus.NOT_CHECKED, List.of(), List.of());
        }
        ObservedSchemaVerdict verdict = ObservedSchemaCheck.check(dataset.schema(), schemas.schemaOf(contract.get()));
        String checkKey = Sha256.hex(contract.get().version() + "|" + text(dataset));
        Optional<String> before = store.schemaSeen(dataset.id(), dataset.schema(), checkKey, event.eventTime());
        if (verdict.violated() && !before.equals(Optional.of(checkKey))) {
            violated.fire(new ContractViolated(
                    asset.get(),
                    contract.get().version(),
                    dataset.id(),
                    event.job(),
                    event.runId(),
                    event.eventType(),
                    event.eventTime(),
                    verdict.violations()));
        }
        SchemaStatus status = verdict.violated()
                ? SchemaStatus.VIOLATES
                : verdict.addedFields().isEmpty() ? SchemaStatus.MATCHES : SchemaStatus.EXTENDS;
        return new DatasetCheck(
                dataset.id(),
                asset.get(),
                contract.get().version().toString(),
                status,
                verdict.violations(),
                verdict.addedFields());
    }

    /**
     * A run's inputs and outputs may be spread over its events (Spark reports some on START, some on COMPLETE), so
     * the flows are those of every event of the run stored so far.
     */
    private void recordFlows(LineageEvent completion, String key) {
        Map<DatasetId, ObservedDataset> inputs = new LinkedHashMap<>();
        Map<DatasetId, ObservedDataset> outputs = new LinkedHashMap<>();
        for (String earlier : store.bodiesOfRun(completion.runId(), key)) {
            LineageEvent event = OpenLineageEvents.read(tree(earlier));
            event.inputs().forEach(dataset -> inputs.put(dataset.id(), dataset));
            event.outputs().forEach(dataset -> merge(outputs, dataset));
        }
        completion.inputs().forEach(dataset -> inputs.put(dataset.id(), dataset));
        completion.outputs().forEach(dataset -> merge(outputs, dataset));
        for (ObservedDataset output : outputs.values()) {
            for (DatasetId input : inputs.keySet()) {
                if (!input.equals(output.id())) {
                    store.flowSeen(
                            input,
                            output.id(),
                            completion.job(),
                            completion.runId(),
                            completion.eventTime(),
                            fieldsRead(output, input));
                }
            }
        }
    }

    /** A later event without column lineage for an output keeps what an earlier one said. */
    private static void merge(Map<DatasetId, ObservedDataset> outputs, ObservedDataset dataset) {
        ObservedDataset before = outputs.get(dataset.id());
        if (before != null && dataset.columnLineage().isEmpty()) {
            return;
        }
        outputs.put(dataset.id(), dataset);
    }

    private static Set<String> fieldsRead(ObservedDataset output, DatasetId input) {
        Set<String> fields = new TreeSet<>();
        for (List<ColumnRead> reads : output.columnLineage().values()) {
            for (ColumnRead read : reads) {
                if (read.input().equals(input)) {
                    fields.add("/" + FieldPath.escape(read.field()));
                }
            }
        }
        return fields;
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored lineage event is JSON that was read before", e);
        }
    }

    private String text(ObservedDataset dataset) {
        try {
            return json.writeValueAsString(dataset.schema());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema facet's fields are plain records", e);
        }
    }
}
