package dev.watershed.domain.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.contract.FieldPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads OpenLineage events (specification 2-0-x): a {@code RunEvent}, {@code JobEvent} or {@code DatasetEvent}, told
 * apart by the definition their {@code schemaURL} ends with, and of the dataset facets the {@code schema},
 * {@code symlinks} and {@code columnLineage} ones. What Watershed reads must be there and well-typed (the event time,
 * the run id, job and dataset names); a refusal names the path of what is wrong. {@code producer} and
 * {@code schemaURL}, required by the specification but read by no one here, may be missing, as in the
 * specification's own examples. Everything else (other facets, custom facets, extra properties) is accepted
 * unread, as the specification asks of consumers.
 */
public final class OpenLineageEvents {

    /** Deeper struct nesting than any table has; bounds the recursion over a schema facet. */
    public static final int MAX_FIELD_DEPTH = 32;

    /** The run states of the specification's {@code eventType}. */
    public static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

    /** Longer than any run id (a UUID in the specification); bounds what is stored and indexed. */
    public static final int MAX_RUN_ID_LENGTH = 255;

    /** More datasets than a job reads or writes; bounds the inputs × outputs product of one run. */
    public static final int MAX_DATASETS = 500;

    private OpenLineageEvents() {}

    /** @throws InvalidInputException naming the path of the first thing the specification does not allow */
    public static LineageEvent read(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new InvalidInputException(null, "an OpenLineage event is a JSON object");
        }
        Instant eventTime = instant(event.get("eventTime"), "/eventTime");
        optionalText(event, "producer", "");
        String schemaUrl = optionalText(event, "schemaURL", "");
        LineageEvent.Kind kind = kindOf(schemaUrl == null ? "" : schemaUrl, event);
        return switch (kind) {
            case RUN -> {
                JsonNode run = object(event, "run", "");
                String runId = text(run, "runId", "/run");
                if (runId.length() > MAX_RUN_ID_LENGTH) {
                    throw new InvalidInputException(
                            "/run/runId", "runId is longer than " + MAX_RUN_ID_LENGTH + " characters");
                }
                String eventType = optionalText(event, "eventType", "");
                if (eventType != null && !EVENT_TYPES.contains(eventType)) {
                    throw new InvalidInputException(
                            "/eventType", "eventType must be one of " + new TreeSet<>(EVENT_TYPES));
                }
                yield new LineageEvent(
                        kind,
                        eventType,
                        eventTime,
                        runId,
                        job(event),
                        datasets(event, "inputs"),
                        datasets(event, "outputs"));
            }
            case JOB ->
                new LineageEvent(
                        kind, null, eventTime, null, job(event), datasets(event, "inputs"), datasets(event, "outputs"));
            case DATASET ->
                new LineageEvent(
                        kind,
                        null,
                        eventTime,
                        null,
                        null,
                        List.of(),
                        List.of(dataset(object(event, "dataset", ""), "/dataset")));
        };
    }

    /**
     * By the definition the {@code schemaURL} points at ({@code .../OpenLineage.json#/$defs/RunEvent}); a URL that
     * names none of the three (a producer's own copy of the schema) falls back on the shape: a run, else a dataset,
     * else a job.
     */
    private static LineageEvent.Kind kindOf(String schemaUrl, JsonNode event) {
        if (schemaUrl.endsWith("/RunEvent")) {
            return LineageEvent.Kind.RUN;
        }
        if (schemaUrl.endsWith("/DatasetEvent")) {
            return LineageEvent.Kind.DATASET;
        }
        if (schemaUrl.endsWith("/JobEvent")) {
            return LineageEvent.Kind.JOB;
        }
        if (event.has("run")) {
            return LineageEvent.Kind.RUN;
        }
        return event.has("dataset") ? LineageEvent.Kind.DATASET : LineageEvent.Kind.JOB;
    }

    private static JobId job(JsonNode event) {
        JsonNode job = object(event, "job", "");
        return new JobId(
                bounded(text(job, "namespace", "/job"), "/job/namespace"),
                bounded(text(job, "name", "/job"), "/job/name"));
    }

    private static List<ObservedDataset> datasets(JsonNode event, String key) {
        JsonNode list = event.get(key);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidInputException("/" + key, key + " must be an array of datasets");
        }
        if (list.size() > MAX_DATASETS) {
            throw new InvalidInputException(
                    "/" + key, key + " lists " + list.size() + " datasets; at most " + MAX_DATASETS + " are read");
        }
        List<ObservedDataset> datasets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/" + key + "/" + i;
            if (!list.get(i).isObject()) {
                throw new InvalidInputException(pointer, "a dataset must be an object with namespace and name");
            }
            datasets.add(dataset(list.get(i), pointer));
        }
        return datasets;
    }

    private static ObservedDataset dataset(JsonNode dataset, String pointer) {
        DatasetId id = datasetId(dataset, pointer);
        JsonNode facets = dataset.get("facets");
        if (facets == null || facets.isNull()) {
            return new ObservedDataset(id, null, List.of(), Map.of());
        }
        if (!facets.isObject()) {
            throw new InvalidInputException(pointer + "/facets", "facets must be an object of named facets");
        }
        String at = pointer + "/facets";
        JsonNode schema = facet(facets, "schema", at);
        JsonNode symlinks = facet(facets, "symlinks", at);
        JsonNode columnLineage = facet(facets, "columnLineage", at);
        return new ObservedDataset(
                id,
                schema == null ? null : fields(schema.get("fields"), at + "/schema/fields", 1),
                symlinks == null ? List.of() : symlinks(symlinks.get("identifiers"), at + "/symlinks/identifiers"),
                columnLineage == null
                        ? Map.of()
                        : columnLineage(columnLineage.get("fields"), at + "/columnLineage/fields"));
    }

    /** A facet marked {@code _deleted} says the dataset no longer has it: as if absent. */
    private static JsonNode facet(JsonNode facets, String name, String pointer) {
        JsonNode facet = facets.get(name);
        if (facet == null || facet.isNull()) {
            return null;
        }
        if (!facet.isObject()) {
            throw new InvalidInputException(pointer + "/" + name, "the " + name + " facet must be an object");
        }
        return facet.path("_deleted").asBoolean(false) ? null : facet;
    }

    private static List<LineageField> fields(JsonNode fields, String pointer, int depth) {
        if (fields == null || fields.isNull()) {
            return List.of();
        }
        if (!fields.isArray()) {
            throw new InvalidInputException(pointer, "fields must be an array of {name, type}");
        }
        if (depth > MAX_FIELD_DEPTH) {
            throw new InvalidInputException(pointer, "fields are nested deeper than " + MAX_FIELD_DEPTH + " levels");
        }
        List<LineageField> read = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String at = pointer + "/" + i;
            if (!field.isObject()) {
                throw new InvalidInputException(at, "a field must be an object with a name");
            }
            read.add(new LineageField(
                    text(field, "name", at),
                    optionalText(field, "type", at),
                    optionalText(field, "description", at),
                    fields(field.get("fields"), at + "/fields", depth + 1)));
        }
        return read;
    }

    private static List<DatasetId> symlinks(JsonNode identifiers, String pointer) {
        if (identifiers == null || identifiers.isNull()) {
            return List.of();
        }
        if (!identifiers.isArray()) {
            throw new InvalidInputException(pointer, "identifiers must be an array of {namespace, name, type}");
        }
        List<DatasetId> ids = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            ids.add(datasetId(identifiers.get(i), pointer + "/" + i));
        }
        return ids;
    }

    /** {@code {"total": {"inputFields": [{"namespace": .., "name": .., "field": "amount"}]}}} */
    private static Map<String, List<ColumnRead>> columnLineage(JsonNode fields, String pointer) {
        if (fields == null || fields.isNull()) {
            return Map.of();
        }
        if (!fields.isObject()) {
            throw new InvalidInputException(pointer, "fields must be an object of output field names");
        }
        Map<String, List<ColumnRead>> lineage = new LinkedHashMap<>();
        fields.fields().forEachRemaining(entry -> {
            String at = pointer + "/" + FieldPath.escape(entry.getKey());
            JsonNode inputs = entry.getValue().isObject() ? entry.getValue().get("inputFields") : null;
            if (inputs == null || !inputs.isArray()) {
                throw new InvalidInputException(at + "/inputFields", "inputFields must be an array");
            }
            List<ColumnRead> reads = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                String inputAt = at + "/inputFields/" + i;
                reads.add(new ColumnRead(datasetId(inputs.get(i), inputAt), text(inputs.get(i), "field", inputAt)));
            }
            lineage.put(entry.getKey(), reads);
        });
        return lineage;
    }

    private static DatasetId datasetId(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(pointer, "a dataset identifier is an object with namespace and name");
        }
        return DatasetId.of(optionalText(node, "namespace", pointer), optionalText(node, "name", pointer), pointer);
    }

    private static Instant instant(JsonNode value, String pointer) {
        if (value == null || !value.isTextual()) {
            throw new InvalidInputException(pointer, "eventTime is required: an ISO-8601 date-time with an offset");
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    pointer, "eventTime must be an ISO-8601 date-time with an offset, like 2026-01-01T12:00:00Z");
        }
    }

    private static JsonNode object(JsonNode parent, String key, String pointer) {
        JsonNode value = parent.get(key);
        if (value == null || !value.isObject()) {
            throw new InvalidInputException(pointer + "/" + key, key + " is required and must be an object");
        }
        return value;
    }

    private static String text(JsonNode parent, String key, String pointer) {
        String value = optionalText(parent, key, pointer);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(pointer + "/" + key, key + " is required and may not be blank");
        }
        return value;
    }

    private static String optionalText(JsonNode parent, String key, String pointer) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(pointer + "/" + key, key + " must be a string");
        }
        return value.asText();
    }

    private static String bounded(String value, String pointer) {
        if (value.length() > DatasetId.MAX_LENGTH) {
            throw new InvalidInputException(pointer, "longer than " + DatasetId.MAX_LENGTH + " characters");
        }
        return value;
    }
}
