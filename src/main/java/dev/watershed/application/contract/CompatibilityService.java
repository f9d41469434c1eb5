package dev.watershed.application.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.application.asset.AssetService;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.compatibility.CompatibilityVerdict;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.DialectSource;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Checks schemas against each other without touching the registry: the stateless check for CI. */
@ApplicationScoped
public class CompatibilityService {

    /** Far more versions than any real history, but a bound on the work one request can ask for. */
    private static final int MAX_PREVIOUS = 1_000;

    private final SchemaCache schemas;
    private final CompatibilityChecker checker;
    private final AssetService assets;
    private final ChangeImpact impact;

    public CompatibilityService(
            SchemaCache schemas, CompatibilityChecker checker, AssetService assets, ChangeImpact impact) {
        this.schemas = schemas;
        this.checker = checker;
        this.assets = assets;
        this.impact = impact;
    }

    /**
     * @param previousOldestFirst earlier versions, oldest first; only the last counts unless the mode is transitive
     * @return the verdict, with differences naming the earlier versions by position ({@code previous[0]}...)
     */
    public StatelessVerdict check(
            SchemaFormat format,
            CompatibilityMode mode,
            boolean strict,
            JsonNode schema,
            List<JsonNode> previousOldestFirst) {
        return check(format, mode, strict, schema, previousOldestFirst, null, ComputeBudget.unlimited());
    }

    /**
     * @param asset  a registered asset whose consumers to report as impacted by the breaking differences, or
     *               {@code null}
     * @param budget what parsing and comparing the schemas may take
     */
    public StatelessVerdict check(
            SchemaFormat format,
            CompatibilityMode mode,
            boolean strict,
            JsonNode schema,
            List<JsonNode> previousOldestFirst,
            String asset,
            ComputeBudget budget) {
        if (asset != null) {
            assets.get(asset);
        }
        if (mode == null) {
            throw new InvalidInputException(
                    "/mode",
                    "mode is required: one of NONE, BACKWARD, BACKWARD_TRANSITIVE,"
                            + " FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
        }
        List<JsonNode> given = previousOldestFirst == null ? List.of() : previousOldestFirst;
        if (given.size() > MAX_PREVIOUS) {
            throw new InvalidInputException("/previous", "at most " + MAX_PREVIOUS + " previous versions per check");
        }
        ParsedSchema next = schemas.parse(format, schema, "/schema", budget);
        List<Object> previous = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            previous.add(schemas.parse(format, given.get(i), "/previous/" + i, budget)
                    .comparable());
        }
        CompatibilityVerdict verdict = checker.check(format, mode, strict, next.comparable(), previous, budget);
        List<String> names = IntStream.range(0, previous.size())
                .mapToObj(i -> "previous[" + i + "]")
                .toList();
        List<DifferenceView> differences = DifferenceView.all(verdict.differences(), names);
        List<ImpactView> impacted = asset == null ? List.of() : impact.impactOf(asset, differences, Optional.empty());
        return new StatelessVerdict(verdict, differences, impacted, next.dialect(), next.dialectSource());
    }

    /**
     * A verdict with its differences as clients see them, and the consumers of {@code asset} they hurt.
     *
     * @param dialect       the JSON Schema dialect URI {@code schema} was read as; {@code null} for Avro
     * @param dialectSource whether {@code schema} declared it; {@code null} for Avro
     */
    public record StatelessVerdict(
            CompatibilityVerdict verdict,
            List<DifferenceView> differences,
            List<ImpactView> impacted,
            String dialect,
            DialectSource dialectSource) {}
}
