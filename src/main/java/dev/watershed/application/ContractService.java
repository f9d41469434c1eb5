package dev.watershed.application;

import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.NotFoundException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.contract.VersionBump;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishes, reads and deprecates the versions of an asset's contract. */
@ApplicationScoped
public class ContractService {

    private static final int MAX_CHANGELOG = 10_000;

    private final AssetService assets;
    private final ContractStore contracts;
    private final SchemaParser parser;
    private final Clock clock;
    private final EstateChangeListener estateChanges;

    public ContractService(AssetService assets, ContractStore contracts, SchemaParser parser, Clock clock,
                           EstateChangeListener estateChanges) {
        this.assets = assets;
        this.contracts = contracts;
        this.parser = parser;
        this.clock = clock;
        this.estateChanges = estateChanges;
    }

    @Transactional
    public PublishResult publish(Caller caller, String assetName, PublishRequest request) {
        Asset asset = assets.get(assetName);
        caller.requireCanChange(asset.owner(), "the contracts of asset '" + assetName + "'");
        ParsedSchema schema = parser.parse(request.format(), request.schema(), "/schema");
        Optional<Contract> latest = contracts.latest(assetName);
        if (latest.isPresent()) {
            requireSameFormat(latest.get(), schema);
            if (parse(latest.get()).sameAs(schema)) {
                return new PublishResult(latest.get(), false);
            }
        }
        SemanticVersion version = nextVersion(latest.map(Contract::version), request.version());
        if (request.changelog() != null && request.changelog().length() > MAX_CHANGELOG) {
            throw new InvalidInputException("/changelog", "changelog is longer than " + MAX_CHANGELOG + " characters");
        }
        Map<String, FieldMetadata> fields = request.fields() == null ? Map.of() : request.fields();
        Contract contract = new Contract(assetName, version, schema.format(), ContractStatus.ACTIVE,
                schema.fingerprint(), schema.text(), request.changelog(), fields, clock.instant(), caller.label());
        contracts.insert(contract);
        estateChanges.contractPublished(contract);
        return new PublishResult(contract, true);
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
            return contracts.latest(assetName).orElseThrow(() -> new NotFoundException("version", "asset '"
                    + assetName + "' has no contract yet: publish one with POST /api/v1/assets/" + assetName
                    + "/contracts"));
        }
        SemanticVersion wanted = SemanticVersion.parse(version);
        return contracts.find(assetName, wanted).orElseThrow(() -> new NotFoundException("version", "asset '"
                + assetName + "' has no contract version " + version + ": list them with GET /api/v1/assets/"
                + assetName + "/contracts"));
    }

    @Transactional
    public Contract deprecate(Caller caller, String assetName, String version) {
        Asset asset = assets.get(assetName);
        caller.requireCanChange(asset.owner(), "the contracts of asset '" + assetName + "'");
        Contract contract = get(assetName, version);
        if (contract.status() == ContractStatus.DEPRECATED) {
            return contract;
        }
        contracts.updateStatus(assetName, contract.version(), ContractStatus.DEPRECATED);
        return contract.withStatus(ContractStatus.DEPRECATED);
    }

    /** The stored schema, parsed again. */
    public ParsedSchema parse(Contract contract) {
        return parser.parse(contract.format(), com.fasterxml.jackson.databind.node.TextNode.valueOf(
                contract.schemaText()), "/schema");
    }

    private static void requireSameFormat(Contract latest, ParsedSchema schema) {
        if (latest.format() != schema.format()) {
            throw new InvalidInputException("/format", "asset '" + latest.asset() + "' has " + latest.format()
                    + " contracts; a new version must be " + latest.format() + " too (register a new asset to"
                    + " change the schema language)");
        }
    }

    private static SemanticVersion nextVersion(Optional<SemanticVersion> latest, String requested) {
        SemanticVersion derived = latest.map(v -> v.bump(VersionBump.MINOR)).orElse(SemanticVersion.FIRST);
        if (requested == null) {
            return derived;
        }
        SemanticVersion asked = SemanticVersion.parse(requested);
        if (asked.compareTo(derived) < 0) {
            throw new dev.watershed.domain.contract.InvalidVersionException("version " + asked + " is too low: the"
                    + " next version must be " + derived + " or higher");
        }
        return asked;
    }
}
