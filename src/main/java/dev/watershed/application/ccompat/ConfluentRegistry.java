package dev.watershed.application.ccompat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.asset.AssetNotFoundException;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.CompatibilityService;
import dev.watershed.application.contract.CompatibilityService.StatelessVerdict;
import dev.watershed.application.contract.ContractService;
import dev.watershed.application.contract.IncompatibleContractException;
import dev.watershed.application.contract.PublishPlan;
import dev.watershed.application.contract.PublishRequest;
import dev.watershed.application.contract.PublishResult;
import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;
import dev.watershed.domain.contract.InvalidSchemaException;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.graph.AssetNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Watershed as a Confluent Schema Registry: subjects are assets, a subject's versions are the asset's contract
 * versions numbered 1, 2, 3..., and registering a schema is a publish, with the asset's compatibility mode, impact,
 * semantic version, events and notifications behind it.
 */
@ApplicationScoped
public class ConfluentRegistry {

    /** The longest subject name stored (the subject table's key). */
    static final int MAX_SUBJECT_LENGTH = 255;

    private static final String CHANGELOG = "Registered through the Confluent API";

    private final AssetService assets;
    private final ContractService contracts;
    private final CompatibilityService compatibility;
    private final EstateGraph graph;
    private final SchemaIds ids;
    private final SubjectStore subjects;
    private final SubjectSettings settings;
    private final boolean createSubjects;

    ConfluentRegistry(
            AssetService assets,
            ContractService contracts,
            CompatibilityService compatibility,
            EstateGraph graph,
            SchemaIds ids,
            SubjectStore subjects,
            SubjectSettings settings,
            WatershedConfig config) {
        this.assets = assets;
        this.contracts = contracts;
        this.compatibility = compatibility;
        this.graph = graph;
        this.ids = ids;
        this.subjects = subjects;
        this.settings = settings;
        this.createSubjects = config.ccompat().createSubjects();
    }

    /** A schema as a client sends it: {@code schemaType} (AVRO when absent) and the schema's text. */
    public record Submission(String schemaType, String schema) {

        public SchemaFormat format() {
            String type = schemaType == null ? "AVRO" : schemaType.toUpperCase(Locale.ROOT);
            return switch (type) {
                case "AVRO" -> SchemaFormat.AVRO;
                case "JSON" -> SchemaFormat.JSON_SCHEMA;
                case "PROTOBUF" ->
                    throw new ConfluentException(
                            ConfluentException.INVALID_SCHEMA,
                            "Protobuf schemas are not supported yet: Watershed registers AVRO and JSON schemas");
                default ->
                    throw new ConfluentException(
                            ConfluentException.INVALID_SCHEMA,
                            "Unknown schemaType '" + schemaType + "': use AVRO (the default) or JSON");
            };
        }
    }

    /**
     * The id of the schema under the subject: an existing version's, or that of the version this publishes. A new
     * subject's asset is created first, in a transaction of its own (a schema is read before, so an invalid one
     * creates nothing): two producers registering a new subject at once both end with the one asset.
     */
    public long register(Caller caller, String subject, Submission submission, ComputeBudget budget) {
        SchemaFormat format = submission.format();
        PublishRequest request = request(format, submission.schema());
        String asset = assetOf(subject).orElseGet(() -> {
            wrap(() -> compatibility.check(
                    format, CompatibilityMode.NONE, false, request.schema(), List.of(), null, budget));
            return create(caller, subject);
        });
        PublishPlan plan = plan(asset, request, budget);
        for (Contract known : contracts.history(asset)) {
            if (known.format() == format
                    && known.fingerprint().equals(plan.schema().fingerprint())) {
                return ids.of(known);
            }
        }
        PublishResult published;
        try {
            published = contracts.publish(caller, asset, request, budget);
        } catch (IncompatibleContractException e) {
            throw IncompatibilityMessages.incompatible(subject, e.plan());
        }
        return ids.of(published.contract());
    }

    /** The version of the subject whose schema is this one. */
    public SubjectVersion lookup(String subject, Submission submission, boolean deleted, ComputeBudget budget) {
        String asset = requireAsset(subject);
        PublishPlan plan = plan(asset, request(submission.format(), submission.schema()), budget);
        return versions(subject, asset, deleted).stream()
                .filter(version ->
                        version.contract().fingerprint().equals(plan.schema().fingerprint()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new ConfluentException(ConfluentException.SCHEMA_NOT_FOUND, "Schema not found"));
    }

    /** Every subject with a contract: each asset's recorded subjects, or its default one. */
    public List<String> subjects(boolean deleted) {
        Map<String, String> recorded = subjects.all();
        TreeSet<String> withRecorded = new TreeSet<>(recorded.values());
        TreeSet<String> listed = new TreeSet<>();
        TreeSet<String> names = new TreeSet<>();
        for (AssetNode node : graph.read().snapshot().assets()) {
            if (node.latestVersion() == null
                    || !deleted && contracts.history(node.name()).stream().allMatch(ConfluentRegistry::isDeleted)) {
                continue;
            }
            listed.add(node.name());
            if (!withRecorded.contains(node.name())) {
                names.add(SubjectNames.defaultSubject(node.name()));
            }
        }
        recorded.forEach((subject, asset) -> {
            if (listed.contains(asset)) {
                names.add(subject);
            }
        });
        return List.copyOf(names);
    }

    /** The subject's versions, oldest first; soft-deleted ones only when asked for. */
    public List<SubjectVersion> versions(String subject, boolean deleted) {
        return versions(subject, requireAsset(subject), deleted);
    }

    /** @param version a number, or {@code latest} (or -1) for the newest one not deleted */
    public SubjectVersion version(String subject, String version, boolean deleted) {
        String asset = requireAsset(subject);
        List<SubjectVersion> all = versions(subject, asset, true);
        if ("latest".equals(version) || "-1".equals(version)) {
            return all.stream()
                    .filter(v -> !v.deleted())
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> versionNotFound(subject, version));
        }
        int number = number(version);
        return all.stream()
                .filter(v -> v.version() == number && (deleted || !v.deleted()))
                .findFirst()
                .orElseThrow(() -> versionNotFound(subject, version));
    }

    /** A contract version with the schema of this id, served from memory after the first request. */
    public Contract schema(long id) {
        return ids.schema(id)
                .orElseThrow(() ->
                        new ConfluentException(ConfluentException.SCHEMA_NOT_FOUND, "Schema " + id + " not found"));
    }

    /** The contract versions with the schema of this id, oldest first. */
    public List<Contract> withId(long id) {
        List<Contract> found = ids.contracts(id);
        if (found.isEmpty()) {
            throw new ConfluentException(ConfluentException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return found;
    }

    /** Every subject version with the schema of this id. */
    public List<SubjectVersion> usages(long id, boolean deleted) {
        List<SubjectVersion> usages = new ArrayList<>();
        for (String asset : withId(id).stream().map(Contract::asset).distinct().toList()) {
            String subject = subjectOf(asset);
            versions(subject, asset, deleted).stream().filter(v -> v.id() == id).forEach(usages::add);
        }
        return usages;
    }

    /**
     * Whether the schema may follow the subject's versions: against one version, or, with {@code version} null,
     * against what the asset's mode checks (the latest, or every version when transitive).
     *
     * @return the breaking differences and impacted consumers in words; empty when compatible
     */
    public List<String> incompatibilities(String subject, String version, Submission submission, ComputeBudget budget) {
        String asset = requireAsset(subject);
        PublishRequest request = request(submission.format(), submission.schema());
        if (version == null || "latest".equals(version) || "-1".equals(version)) {
            if ("latest".equals(version) || "-1".equals(version)) {
                this.version(subject, "latest", false);
            }
            return IncompatibilityMessages.of(plan(asset, request, budget));
        }
        // Against one given version: the mode's direction, that version alone.
        Contract against = version(subject, version, false).contract();
        Asset metadata = assets.get(asset);
        CompatibilityMode mode =
                CompatibilityMode.valueOf(metadata.compatibility().name().replace("_TRANSITIVE", ""));
        StatelessVerdict verdict = wrap(() -> compatibility.check(
                submission.format(),
                mode,
                metadata.strictCompatibility(),
                request.schema(),
                List.of(TextNode.valueOf(against.schemaText())),
                asset,
                budget));
        if (verdict.verdict().compatible()) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        verdict.differences().stream()
                .filter(difference -> difference.breaksUnder(mode))
                .forEach(difference -> messages.add(IncompatibilityMessages.describe(difference)));
        verdict.impacted().forEach(impacted -> messages.add(IncompatibilityMessages.describe(impacted)));
        messages.add("compatibility: " + mode + " against version " + version + " (" + against.version() + ")");
        return messages;
    }

    public Optional<String> assetOf(String subject) {
        Optional<String> recorded = subjects.assetOf(subject);
        if (recorded.isPresent()) {
            return recorded;
        }
        return SubjectNames.byStrategy(subject).filter(this::exists);
    }

    /** The subject an asset answers to: the first of its own subjects, or {@code <asset>-value}. */
    public String subjectOf(String asset) {
        return assets.get(asset).subjects().stream().findFirst().orElse(SubjectNames.defaultSubject(asset));
    }

    public String requireAsset(String subject) {
        return assetOf(subject)
                .orElseThrow(() -> new ConfluentException(
                        ConfluentException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found."));
    }

    List<SubjectVersion> versions(String subject, String asset, boolean deleted) {
        List<Contract> oldestFirst = new ArrayList<>(contracts.history(asset));
        Collections.reverse(oldestFirst);
        List<SubjectVersion> versions = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            SubjectVersion version = new SubjectVersion(subject, i + 1, ids.of(oldestFirst.get(i)), oldestFirst.get(i));
            if (deleted || !version.deleted()) {
                versions.add(version);
            }
        }
        return versions;
    }

    private String create(Caller caller, String subject) {
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new ConfluentException(
                    422,
                    "A subject name has 1 to " + MAX_SUBJECT_LENGTH + " characters; this one has " + subject.length());
        }
        if (!createSubjects) {
            throw new ConfluentException(
                    ConfluentException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found, and this registry does not create assets for new subjects"
                            + " (watershed.ccompat.create-subjects=false): register the asset first");
        }
        caller.requireAuthenticated();
        if (caller.team() == null) {
            throw new ConfluentException(
                    ConfluentException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found: a new subject becomes an asset owned by the caller's team,"
                            + " and this token has none; use a team's token or register the asset first");
        }
        String name = SubjectNames.assetNameFor(subject);
        if (!exists(name)) {
            try {
                assets.register(
                        caller,
                        new AssetDraft(
                                name,
                                AssetKind.SOURCE,
                                caller.team(),
                                "Registered through the Confluent API as subject " + subject,
                                List.of("kafka"),
                                null,
                                settings.globalCompatibility(),
                                null));
            } catch (RuntimeException e) {
                // Another producer registering the same new subject created it a moment ago (the store refused our
                // insert, before or at commit): the subject is that asset. Anything else stands.
                if (!exists(name)) {
                    throw e;
                }
            }
        }
        subjects.add(subject, name);
        return name;
    }

    private boolean exists(String asset) {
        try {
            assets.get(asset);
            return true;
        } catch (AssetNotFoundException | InvalidInputException e) {
            return false;
        }
    }

    private static boolean isDeleted(Contract contract) {
        return contract.status() == ContractStatus.DEPRECATED;
    }

    private PublishPlan plan(String asset, PublishRequest request, ComputeBudget budget) {
        return wrap(() -> contracts.plan(asset, request, budget));
    }

    private static PublishRequest request(SchemaFormat format, String schema) {
        if (schema == null || schema.isBlank()) {
            throw new ConfluentException(ConfluentException.INVALID_SCHEMA, "Empty schema: send {\"schema\": \"...\"}");
        }
        return new PublishRequest(format, TextNode.valueOf(schema), null, CHANGELOG, null);
    }

    /** A schema the parser refuses is Confluent's 42201, with the parser's reasons. */
    private static <T> T wrap(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidSchemaException e) {
            String reasons = e.reasons().isEmpty() ? "" : ": " + String.join("; ", e.reasons());
            throw new ConfluentException(ConfluentException.INVALID_SCHEMA, "Invalid schema: " + e.detail() + reasons);
        }
    }

    private static ConfluentException versionNotFound(String subject, String version) {
        return new ConfluentException(
                ConfluentException.VERSION_NOT_FOUND,
                "Version " + version + " not found for subject '" + subject + "'.");
    }

    static int number(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ConfluentException(
                ConfluentException.INVALID_VERSION,
                "The specified version '" + version + "' is not a valid version id. Allowed values are between"
                        + " [1, 2^31-1] and the string \"latest\"");
    }
}
