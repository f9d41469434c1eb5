package dev.watershed.application.contract;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.asset.EstateChangeListener;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.ConflictException;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.compatibility.CompatibilityVerdict;
import dev.watershed.domain.compatibility.VersionPolicy;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.InvalidVersionException;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.contract.VersionBump;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishes, reads and deprecates the versions of an asset's contract. */
@ApplicationScoped
public class ContractService {

    private static final int MAX_CHANGELOG = 10_000;

    private final AssetService assets;
    private final ContractStore contracts;
    private final SchemaCache schemas;
    private final CompatibilityChecker checker;
    private final ChangeImpact impact;
    private final VersionPolicy versions = new VersionPolicy();
    private final Clock clock;
    private final EstateChangeListener estateChanges;
    // Fired synchronously: the observers run inside the change's transaction (see ContractPublished).
    private final Event<ContractPublished> published;
    private final Event<ContractRolledBack> rolledBack;
    private final Event<ContractDeprecated> deprecated;

    public ContractService(
            AssetService assets,
            ContractStore contracts,
            SchemaCache schemas,
            CompatibilityChecker checker,
            ChangeImpact impact,
            Clock clock,
            EstateChangeListener estateChanges,
            Event<ContractPublished> published,
            Event<ContractRolledBack> rolledBack,
            Event<ContractDeprecated> deprecated) {
        this.assets = assets;
        this.contracts = contracts;
        this.schemas = schemas;
        this.checker = checker;
        this.impact = impact;
        this.clock = clock;
        this.estateChanges = estateChanges;
        this.published = published;
        this.rolledBack = rolledBack;
        this.deprecated = deprecated;
    }

    /**
     * Publishes a new version when the schema keeps the asset's compatibility guarantee.
     *
     * @param budget what parsing and comparing the schema may take
     * @throws IncompatibleContractException when it does not, naming every breaking difference
     */
    @Transactional
    public PublishResult publish(Caller caller, String assetName, PublishRequest request, ComputeBudget budget) {
        Asset asset = assets.getForChange(assetName);
        caller.requireCanChange(asset.owner(), "the contracts of asset '" + assetName + "'");
        PublishPlan plan = plan(asset, request, budget);
        if (plan.unchanged()) {
            return new PublishResult(plan.latest().orElseThrow(), false, plan);
        }
        if (!plan.publishable()) {
            throw new IncompatibleContractException(plan);
        }
        Contract contract = new Contract(
                assetName,
                plan.version(),
                plan.schema().format(),
                ContractStatus.ACTIVE,
                plan.schema().fingerprint(),
                plan.schema().text(),
                request.changelog(),
                plan.fields(),
                clock.instant(),
                caller.label(),
                plan.schema().dialect());
        contracts.insert(contract);
        estateChanges.contractPublished(contract);
        published.fire(new ContractPublished(contract, plan));
        return new PublishResult(contract, true, plan);
    }

    /**
     * Republishes a stored version's schema and field metadata as a new latest version, numbered as any publish of
     * that schema would be (the next major when forced), recording which version it restores.
     *
     * @param budget what comparing the schemas may take
     * @throws IncompatibleContractException when going back breaks the asset's mode and the rollback is not forced
     */
    @Transactional
    public Contract rollback(Caller caller, String assetName, RollbackRequest request, ComputeBudget budget) {
        Asset asset = assets.getForChange(assetName);
        caller.requireCanChange(asset.owner(), "the contracts of asset '" + assetName + "'");
        if (request.force()) {
            caller.requireAdmin("force a rollback that breaks the compatibility mode of '" + assetName + "'");
        }
        RollbackPlan rollback = planRollback(asset, request, budget);
        if (!rollback.allowed()) {
            throw new IncompatibleContractException(
                    rollback.publish(),
                    "going back to " + rollback.rolledBackTo()
                            + " breaks the asset's mode; agree it with those consumers and ask an admin to roll back with"
                            + " \"force\": true, which publishes it as the next major version");
        }
        PublishPlan plan = rollback.publish();
        Contract contract = new Contract(
                assetName,
                plan.version(),
                plan.schema().format(),
                ContractStatus.ACTIVE,
                plan.schema().fingerprint(),
                plan.schema().text(),
                changelogOf(request, rollback),
                plan.fields(),
                clock.instant(),
                caller.label(),
                rollback.rolledBackTo(),
                plan.schema().dialect());
        contracts.insert(contract);
        estateChanges.contractPublished(contract);
        rolledBack.fire(new ContractRolledBack(contract, plan, rollback.forced()));
        return contract;
    }

    /**
     * What {@link #rollback} would do, with nothing stored. Anyone may ask, except that {@code force} is an admin's
     * decision even in a dry run, as the real rollback says.
     */
    public RollbackPlan planRollback(Caller caller, String assetName, RollbackRequest request, ComputeBudget budget) {
        Asset asset = assets.get(assetName);
        if (request.force()) {
            caller.requireAdmin("force a rollback that breaks the compatibility mode of '" + assetName + "'");
        }
        return planRollback(asset, request, budget);
    }

    private RollbackPlan planRollback(Asset asset, RollbackRequest request, ComputeBudget budget) {
        String assetName = asset.name().value();
        if (request.to() == null || request.to().isBlank()) {
            throw new InvalidInputException("/to", "name the version to roll back to, e.g. {\"to\": \"1.4.0\"}");
        }
        SemanticVersion target;
        try {
            target = SemanticVersion.parse(request.to().strip());
        } catch (InvalidVersionException e) {
            throw new InvalidInputException("/to", e.detail());
        }
        Contract older = contracts
                .find(assetName, target)
                .orElseThrow(() -> ContractVersionNotFoundException.toRollBackTo(assetName, target));
        PublishPlan plan = plan(
                asset,
                new PublishRequest(
                        older.format(),
                        TextNode.valueOf(older.schemaText()),
                        null,
                        request.changelog(),
                        older.fields()),
                budget,
                older.dialect());
        SemanticVersion latest = plan.latest().orElseThrow().version();
        if (plan.unchanged()) {
            throw new ConflictException(
                    "ROLLBACK_TO_LATEST_SCHEMA",
                    "version " + target + " of '" + assetName
                            + "' has the same schema as the latest version " + latest
                            + ": there is nothing to roll back;"
                            + " name an older version whose schema differs");
        }
        if (plan.compatible() || !request.force()) {
            return new RollbackPlan(plan, target, false);
        }
        SemanticVersion major = latest.bump(VersionBump.MAJOR);
        PublishPlan forced = new PublishPlan(
                plan.asset(),
                plan.schema(),
                plan.latest(),
                false,
                plan.verdict(),
                major,
                plan.differences(),
                plan.fields(),
                impact.impactOf(assetName, plan.differences(), Optional.of(major)));
        return new RollbackPlan(forced, target, true);
    }

    private static String changelogOf(RollbackRequest request, RollbackPlan rollback) {
        if (request.changelog() != null && !request.changelog().isBlank()) {
            return request.changelog();
        }
        return "Rollback to " + rollback.rolledBackTo() + ", replacing " + rollback.replacedVersion()
                + (rollback.forced() ? " (forced)" : "");
    }

    /** What publishing would do, with nothing stored: the dry run producers call from CI. */
    public PublishPlan plan(String assetName, PublishRequest request, ComputeBudget budget) {
        return plan(assets.get(assetName), request, budget);
    }

    /**
     * The differences between two stored versions, read as a change from {@code from} to {@code to}, with the
     * verdict of the asset's mode.
     */
    public VersionDiff diff(String assetName, String from, String to, ComputeBudget budget) {
        Asset asset = assets.get(assetName);
        Contract older = get(assetName, from);
        Contract newer = get(assetName, to);
        CompatibilityVerdict verdict = checker.check(
                older.format(),
                asset.compatibility(),
                asset.strictCompatibility(),
                schemaOf(newer).comparable(),
                List.of(schemaOf(older).comparable()),
                budget);
        return new VersionDiff(
                assetName,
                older.version(),
                newer.version(),
                asset.compatibility(),
                verdict.compatible(),
                verdict.requiredBump(),
                DifferenceView.all(
                        verdict.differences(), List.of(older.version().toString())));
    }

    private PublishPlan plan(Asset asset, PublishRequest request, ComputeBudget budget) {
        return plan(asset, request, budget, null);
    }

    /** @param readAs the dialect to read a schema without {@code $schema} as (a rollback's); {@code null}: detect */
    private PublishPlan plan(Asset asset, PublishRequest request, ComputeBudget budget, String readAs) {
        String assetName = asset.name().value();
        ParsedSchema schema = schemas.parse(request.format(), request.schema(), "/schema", budget, readAs);
        if (request.changelog() != null && request.changelog().length() > MAX_CHANGELOG) {
            throw new InvalidInputException("/changelog", "changelog is longer than " + MAX_CHANGELOG + " characters");
        }
        // The versions the check compares with, oldest first. A mode that is not transitive compares with the latest
        // alone: read that one row, not a history that grows with every publish.
        List<Contract> oldestFirst = new ArrayList<>(
                asset.compatibility().transitive()
                        ? contracts.history(assetName)
                        : contracts.latest(assetName).stream().toList());
        Collections.reverse(oldestFirst);
        Optional<Contract> latest =
                oldestFirst.isEmpty() ? Optional.empty() : Optional.of(oldestFirst.get(oldestFirst.size() - 1));
        FieldMetadataChecks.Carried carried = request.fields() == null && latest.isPresent()
                ? FieldMetadataChecks.carried(schema, latest.get().fields())
                : new FieldMetadataChecks.Carried(
                        FieldMetadataChecks.checked(schema, request.fields()), List.of(), List.of());
        Map<String, FieldMetadata> fields = carried.fields();
        if (latest.isPresent()) {
            requireSameFormat(latest.get(), schema);
            if (schemaOf(latest.get()).sameAs(schema)) {
                // An acknowledgement of a schema already published is one already applied: nothing to judge.
                CompatibilityVerdict none =
                        new CompatibilityVerdict(true, asset.compatibility(), List.of(), List.of(), Optional.empty());
                return new PublishPlan(
                        assetName,
                        schema,
                        latest,
                        true,
                        none,
                        latest.get().version(),
                        List.of(),
                        fields,
                        List.of(),
                        carried.carried(),
                        carried.dropped(),
                        null);
            }
        }
        List<Object> previous = oldestFirst.stream()
                .map(contract -> schemaOf(contract).comparable())
                .toList();
        CompatibilityVerdict verdict = checker.check(
                schema.format(),
                asset.compatibility(),
                asset.strictCompatibility(),
                schema.comparable(),
                previous,
                budget);
        List<String> versionNames = oldestFirst.stream()
                .map(contract -> contract.version().toString())
                .toList();
        List<DifferenceView> differences = DifferenceView.all(verdict.differences(), versionNames);
        BreakingChangeVerdict breakingChange = request.breakingChange() == null || latest.isEmpty()
                ? null
                : BreakingChangeChecks.judge(
                        request.breakingChange(),
                        latest.get().version(),
                        differences.stream()
                                .filter(difference -> difference.breaksUnder(verdict.mode()))
                                .toList());
        SemanticVersion version = breakingChange != null && breakingChange.acknowledged()
                ? SemanticVersion.parse(breakingChange.version())
                : versions.versionToPublish(
                        latest.map(Contract::version),
                        verdict,
                        Optional.ofNullable(request.version()).map(SemanticVersion::parse));
        return new PublishPlan(
                assetName,
                schema,
                latest,
                false,
                verdict,
                version,
                differences,
                fields,
                impact.impactOf(assetName, differences, Optional.of(version)),
                carried.carried(),
                carried.dropped(),
                breakingChange);
    }

    /** Every version, newest first; 404 when the asset does not exist. */
    public List<Contract> history(String assetName) {
        assets.get(assetName);
        return contracts.history(assetName);
    }

    /** @param version a semantic version, or {@code latest} */
    public Contract get(String assetName, String version) {
        assets.get(assetName);
        if ("latest".equals(version)) {
            return contracts
                    .latest(assetName)
                    .orElseThrow(() -> ContractVersionNotFoundException.noContractYet(assetName));
        }
        SemanticVersion wanted = SemanticVersion.parse(version);
        return contracts
                .find(assetName, wanted)
                .orElseThrow(() -> new ContractVersionNotFoundException(assetName, version));
    }

    @Transactional
    public Contract deprecate(Caller caller, String assetName, String version) {
        Asset asset = assets.getForChange(assetName);
        caller.requireCanChange(asset.owner(), "the contracts of asset '" + assetName + "'");
        Contract contract = get(assetName, version);
        if (contract.status() == ContractStatus.DEPRECATED) {
            return contract;
        }
        contracts.updateStatus(assetName, contract.version(), ContractStatus.DEPRECATED);
        estateChanges.assetDetailsChanged(assetName);
        Contract nowDeprecated = contract.withStatus(ContractStatus.DEPRECATED);
        deprecated.fire(new ContractDeprecated(nowDeprecated));
        return nowDeprecated;
    }

    /**
     * The stored schema, parsed again: a transitive check reads every previous version, so it is taken from {@link
     * SchemaCache}, where a publish of the same schema left it.
     */
    public ParsedSchema schemaOf(Contract contract) {
        return schemas.schemaOf(contract);
    }

    /**
     * Field metadata must describe fields the schema has; keys are stored as canonical JSON Pointers so that
     * {@code customer.email} and {@code /customer/email} mean the same field everywhere.
     */
    private static void requireSameFormat(Contract latest, ParsedSchema schema) {
        if (latest.format() != schema.format()) {
            throw new InvalidInputException(
                    "/format",
                    "asset '" + latest.asset() + "' has " + latest.format()
                            + " contracts; a new version must be " + latest.format() + " too (register a new asset to"
                            + " change the schema language)");
        }
    }
}
