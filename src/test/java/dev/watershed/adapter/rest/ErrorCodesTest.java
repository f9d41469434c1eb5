package dev.watershed.adapter.rest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.watershed.application.access.TeamNotFoundException;
import dev.watershed.application.access.TokenNotFoundException;
import dev.watershed.application.asset.AssetHasConsumersException;
import dev.watershed.application.asset.AssetNotFoundException;
import dev.watershed.application.asset.LineageIdTakenException;
import dev.watershed.application.contract.ContractVersionNotFoundException;
import dev.watershed.application.contract.IncompatibleContractException;
import dev.watershed.application.contract.InvalidBreakingChangeException;
import dev.watershed.application.contract.PublishPlan;
import dev.watershed.application.dependency.DependencyNotFoundException;
import dev.watershed.application.dependency.InvalidDependencyException;
import dev.watershed.application.distribution.CliJarNotBuiltException;
import dev.watershed.application.distribution.FormatSchemaNotFoundException;
import dev.watershed.application.drift.BaselineNotFoundException;
import dev.watershed.application.drift.NothingToCompareException;
import dev.watershed.application.notification.DeliveryNotFoundException;
import dev.watershed.application.notification.NotificationNotFoundException;
import dev.watershed.application.notification.SubscriptionNotFoundException;
import dev.watershed.application.plan.PlanError;
import dev.watershed.application.plan.PlanRefusedException;
import dev.watershed.application.validation.ObservationNotDriftedException;
import dev.watershed.application.validation.ObservationNotFoundException;
import dev.watershed.application.validation.UnreadableBatchException;
import dev.watershed.application.validation.UnsupportedBatchFormatException;
import dev.watershed.domain.ComputeBudgetExceededException;
import dev.watershed.domain.ComputeCancelledException;
import dev.watershed.domain.ConflictException;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.asset.InvalidAssetException;
import dev.watershed.domain.auth.AuthenticationRequiredException;
import dev.watershed.domain.auth.ForbiddenException;
import dev.watershed.domain.compatibility.CompatibilityVerdict;
import dev.watershed.domain.compatibility.SchemaTooDeepException;
import dev.watershed.domain.compatibility.VersionTooLowException;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.InvalidFieldPathException;
import dev.watershed.domain.contract.InvalidVersionException;
import dev.watershed.domain.contract.SchemaTooComplexException;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.declaration.ContractFiles;
import dev.watershed.domain.declaration.InvalidContractFilesException;
import dev.watershed.domain.graph.AssetNotInGraphException;
import dev.watershed.domain.graph.DependencyCycleException;
import dev.watershed.domain.graph.InvalidVersionRangeException;
import dev.watershed.domain.lineage.DatasetId;
import dev.watershed.domain.notification.WebhookTargetNotAllowedException;
import dev.watershed.domain.profile.InvalidProfileException;
import dev.watershed.domain.schema.RefNotAllowedException;
import dev.watershed.domain.validation.BatchTooLargeException;
import dev.watershed.domain.validation.BlockTooLargeException;
import dev.watershed.domain.validation.InvalidContractSchemaException;
import dev.watershed.domain.validation.MalformedRecordException;
import dev.watershed.domain.validation.RecordTooDeepException;
import dev.watershed.domain.validation.RecordTooLargeException;
import dev.watershed.domain.validation.UnreadableWriterSchemaException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The error codes are public API: clients branch on them. This table pins, for every exception the domain and the
 * application throw on purpose, the {@code code} a client sees and the status {@link ProblemMapper} gives it, so that
 * renaming or moving a class changes neither. A new exception fails {@link #everyExceptionIsPinned()} until it has a
 * row here (and its code a line in the README's table of errors).
 */
class ErrorCodesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.watershed");

    /** A status, a code and an exception that has them. */
    private record Pin(int status, String code, Supplier<WatershedException> example) {}

    /**
     * One row per exception class and code. Where the code is given at the throw site (a {@link ConflictException},
     * an {@link InvalidDependencyException}...) each code thrown today has a row, so that the table lists them all.
     */
    private static final List<Pin> PINS = List.of(
            pin(400, "MALFORMED_RECORD", () -> new MalformedRecordException("unexpected end")),
            pin(400, "UNDECODABLE_BODY", () -> new LineageBodies.UndecodableBodyException("not gzip")),
            pin(401, "UNAUTHENTICATED", () -> new AuthenticationRequiredException("no token")),
            pin(403, "FORBIDDEN", () -> new ForbiddenException("not yours")),
            pin(404, "ASSET_NOT_FOUND", () -> new AssetNotFoundException("a")),
            pin(404, "BASELINE_NOT_FOUND", () -> new BaselineNotFoundException("a", "1")),
            pin(404, "CLI_JAR_NOT_BUILT", () -> new CliJarNotBuiltException("[target/watershed-cli.jar]")),
            pin(404, "SCHEMA_NOT_FOUND", () -> new FormatSchemaNotFoundException("x.json", List.of("y.json"))),
            pin(404, "DELIVERY_NOT_FOUND", () -> new DeliveryNotFoundException(1)),
            pin(404, "DEPENDENCY_NOT_FOUND", () -> new DependencyNotFoundException("a", "b")),
            pin(404, "NOTIFICATION_NOT_FOUND", () -> new NotificationNotFoundException(1)),
            pin(404, "OBSERVATION_NOT_FOUND", () -> new ObservationNotFoundException("a", "1")),
            pin(404, "SUBSCRIPTION_NOT_FOUND", () -> new SubscriptionNotFoundException(1)),
            pin(404, "TEAM_NOT_FOUND", () -> new TeamNotFoundException("t")),
            pin(404, "TOKEN_NOT_FOUND", () -> new TokenNotFoundException("t")),
            pin(404, "VERSION_NOT_FOUND", () -> new ContractVersionNotFoundException("a", "1.0.0")),
            pin(404, "VERSION_NOT_FOUND", () -> ContractVersionNotFoundException.noContractYet("a")),
            pin(
                    404,
                    "VERSION_NOT_FOUND",
                    () -> ContractVersionNotFoundException.toRollBackTo("a", SemanticVersion.parse("1.0.0"))),
            pin(409, "ASSET_EXISTS", () -> new ConflictException("ASSET_EXISTS", "taken")),
            pin(409, "ASSET_HAS_CONSUMERS", () -> new AssetHasConsumersException("a", List.of("b"))),
            pin(409, "SUBJECT_TAKEN", () -> new ConflictException("SUBJECT_TAKEN", "taken")),
            pin(
                    409,
                    "LINEAGE_ID_TAKEN",
                    () -> new LineageIdTakenException(new DatasetId("postgres://db", "orders"), "a", "/lineageIds/0")),
            pin(409, "DELIVERY_CANCELLED", () -> new ConflictException("DELIVERY_CANCELLED", "cancelled")),
            pin(409, "DEPENDENCY_CYCLE", () -> new DependencyCycleException(List.of("a", "b", "a"))),
            pin(409, "INCOMPATIBLE_SCHEMA", () -> new IncompatibleContractException(incompatiblePlan())),
            pin(
                    409,
                    "PLAN_REFUSED",
                    () -> new PlanRefusedException(List.of(
                            new PlanError("a", "UNKNOWN_FIELDS", "no field plann", "/assets/0/dependsOn/0/fields/1")))),
            pin(409, "ROLLBACK_TO_LATEST_SCHEMA", () -> new ConflictException("ROLLBACK_TO_LATEST_SCHEMA", "same")),
            pin(409, "TEAM_EXISTS", () -> new ConflictException("TEAM_EXISTS", "taken")),
            pin(413, "BATCH_TOO_LARGE", () -> new BatchTooLargeException(10)),
            pin(413, "LINEAGE_EVENT_TOO_LARGE", () -> new LineageBodies.EventTooLargeException(10)),
            pin(413, "BLOCK_TOO_LARGE", () -> blockTooLarge("stored", 100L, 10)),
            pin(413, "BLOCK_TOO_LARGE", () -> blockTooLarge("header", 10)),
            pin(413, "DECOMPRESSED_BLOCK_TOO_LARGE", () -> blockTooLarge("decompressed", 10)),
            pin(413, "RECORD_TOO_LARGE", () -> new RecordTooLargeException(10)),
            pin(415, "UNSUPPORTED_MEDIA_TYPE", () -> new UnsupportedBatchFormatException("not for JSON Schema")),
            pin(422, "ASSET_NOT_IN_GRAPH", () -> new AssetNotInGraphException("a", "not in the graph")),
            pin(
                    422,
                    "BREAKING_CHANGE_ACCEPTS_NOTHING",
                    () -> new InvalidBreakingChangeException(
                            InvalidBreakingChangeException.ACCEPTS_NOTHING, "/breakingChange/accepts/0", "stale")),
            pin(
                    422,
                    "BREAKING_CHANGE_NOT_NEXT_MAJOR",
                    () -> new InvalidBreakingChangeException(
                            InvalidBreakingChangeException.NOT_NEXT_MAJOR, "/breakingChange/version", "use 2.0.0")),
            pin(422, "COMPUTE_BUDGET_EXCEEDED", () -> new ComputeBudgetExceededException(Duration.ofSeconds(5))),
            pin(422, "COMPUTE_CANCELLED", ComputeCancelledException::new),
            pin(422, "INVALID_ASSET", () -> new InvalidAssetException("/name", "bad name")),
            pin(
                    422,
                    "INVALID_CONTRACT_FILES",
                    () -> new InvalidContractFilesException(
                            List.of(new ContractFiles.Problem(Path.of("a.yaml"), 1, "bad")))),
            pin(422, "INVALID_CONTRACT_SCHEMA", () -> new InvalidContractSchemaException("cannot compile")),
            pin(422, "INVALID_FIELD_PATH", () -> new InvalidFieldPathException("blank")),
            pin(
                    422,
                    "INVALID_FIELD_PATH",
                    () -> new InvalidDependencyException("INVALID_FIELD_PATH", "/fields/0", "blank", Map.of())),
            pin(422, "INVALID_INPUT", () -> new InvalidInputException("limit", "too large")),
            pin(422, "INVALID_PROFILE", () -> new InvalidProfileException("not a profile", null)),
            pin(422, "INVALID_SCHEMA", () -> new dev.watershed.domain.compatibility.InvalidSchemaException("no")),
            pin(
                    422,
                    "INVALID_SCHEMA",
                    () -> new dev.watershed.domain.contract.InvalidSchemaException("/schema", "no", List.of())),
            pin(422, "INVALID_VERSION", () -> new InvalidVersionException("not a version")),
            pin(422, "INVALID_VERSION_RANGE", () -> new InvalidVersionRangeException("not a range")),
            pin(
                    422,
                    "INVALID_VERSION_RANGE",
                    () -> new InvalidDependencyException(
                            "INVALID_VERSION_RANGE", "/versionRange", "not a range", Map.of())),
            pin(422, "NO_BASELINE", () -> new NothingToCompareException("NO_BASELINE", "none")),
            pin(409, "OBSERVATION_NOT_DRIFTED", () -> new ObservationNotDriftedException("asset", 1)),
            pin(422, "NO_PREVIOUS_OBSERVATION", () -> new NothingToCompareException("NO_PREVIOUS_OBSERVATION", "none")),
            pin(
                    422,
                    "NO_PROFILED_OBSERVATIONS",
                    () -> new NothingToCompareException("NO_PROFILED_OBSERVATIONS", "none")),
            pin(
                    422,
                    "OBSERVATION_NOT_PROFILED",
                    () -> new NothingToCompareException("OBSERVATION_NOT_PROFILED", "none")),
            pin(422, "RECORD_TOO_DEEP", () -> new RecordTooDeepException("", 10)),
            pin(422, "REF_NOT_ALLOWED", () -> new RefNotAllowedException("/$ref", "file:///etc/passwd", Set.of())),
            pin(422, "SCHEMA_TOO_COMPLEX", () -> new SchemaTooComplexException("too many fields")),
            pin(422, "SCHEMA_TOO_DEEP", () -> new SchemaTooDeepException(10, "/a")),
            pin(
                    422,
                    "SELF_DEPENDENCY",
                    () -> new InvalidDependencyException("SELF_DEPENDENCY", null, "itself", Map.of())),
            pin(
                    422,
                    "TARGET_FIELD_NOT_READ",
                    () -> new InvalidDependencyException(
                            "TARGET_FIELD_NOT_READ", "/targetFields/0", "not read", Map.of())),
            pin(
                    422,
                    "UNKNOWN_FIELDS",
                    () -> new InvalidDependencyException("UNKNOWN_FIELDS", "/fields", "unknown", Map.of())),
            pin(422, "UNREADABLE_BATCH", () -> new UnreadableBatchException("not Avro", null)),
            pin(422, "UNREADABLE_WRITER_SCHEMA", () -> new UnreadableWriterSchemaException("cannot read")),
            pin(
                    422,
                    "VERSION_RANGE_MATCHES_NOTHING",
                    () -> new InvalidDependencyException(
                            "VERSION_RANGE_MATCHES_NOTHING", "/versionRange", "nothing", Map.of())),
            pin(
                    422,
                    "VERSION_TOO_LOW",
                    () -> new VersionTooLowException(
                            SemanticVersion.parse("1.0.0"), SemanticVersion.parse("2.0.0"), "too low")),
            pin(422, "WEBHOOK_TARGET_NOT_ALLOWED", () -> new WebhookTargetNotAllowedException("/target", "loopback")));

    @Test
    void everyExceptionIsPinned() {
        Set<String> thrown = MAIN.get(WatershedException.class).getAllSubclasses().stream()
                .filter(type -> !type.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> pinned = PINS.stream()
                .map(pin -> pin.example().get().getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(pinned)
                .as("exception classes with a row in ErrorCodesTest: add one with the code and status a"
                        + " client gets")
                .containsExactlyElementsOf(thrown);
    }

    @Test
    void codesAndStatusesStayAsPinned() {
        SoftAssertions softly = new SoftAssertions();
        for (Pin pin : PINS) {
            WatershedException example = pin.example().get();
            String name = example.getClass().getName();
            softly.assertThat(example.code()).as("code of " + name).isEqualTo(pin.code());
            softly.assertThat(ProblemMapper.statusOf(example))
                    .as("status of " + name)
                    .isEqualTo(pin.status());
        }
        softly.assertAll();
    }

    /** The README's table of errors is where clients look a code up. */
    @Test
    void readmeListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String errors = readme.substring(readme.indexOf("**Errors**"), readme.indexOf("**Paging.**"));
        assertThat(PINS.stream().map(Pin::code).distinct().filter(code -> !errors.contains("`" + code + "`")))
                .as("codes missing from the table of errors in README.md")
                .isEmpty();
    }

    /** A code written out in each class, not computed from its name: renaming a class must not change the API. */
    @Test
    void noCodeIsDerivedFromAClassName() {
        noClasses()
                .that()
                .areAssignableTo(WatershedException.class)
                .should()
                .callMethod(Class.class, "getSimpleName")
                .orShould()
                .callMethod(Class.class, "getName")
                .check(MAIN);
    }

    private static Pin pin(int status, String code, Supplier<WatershedException> example) {
        return new Pin(status, code, example);
    }

    private static PublishPlan incompatiblePlan() {
        CompatibilityVerdict verdict =
                new CompatibilityVerdict(false, CompatibilityMode.BACKWARD, List.of(), List.of(), Optional.empty());
        return new PublishPlan(
                "a",
                null,
                Optional.empty(),
                false,
                verdict,
                SemanticVersion.parse("2.0.0"),
                List.of(),
                Map.of(),
                List.of());
    }

    /** The factories are the domain's own (package-private): the validators call them, not clients. */
    private static WatershedException blockTooLarge(String factory, Object... arguments) {
        Class<?>[] types = arguments.length == 2 ? new Class<?>[] {long.class, int.class} : new Class<?>[] {int.class};
        try {
            Method method = BlockTooLargeException.class.getDeclaredMethod(factory, types);
            method.setAccessible(true);
            return (WatershedException) method.invoke(null, arguments);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("BlockTooLargeException." + factory + " cannot be called", e);
        }
    }
}
