package dev.watershed.domain.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.contract.VersionBump;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static final String WITH_AMOUNT = """
            {"type": "object", "properties": {"id": {"type": "integer"}, "amount": {"type": "number"}},
             "additionalProperties": false}""";
    private static final String WITHOUT_AMOUNT = """
            {"type": "object", "properties": {"id": {"type": "integer"}}, "additionalProperties": false}""";
    private static final String ORDER_V1 = """
            {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "long"}]}""";
    private static final String ORDER_V2 = """
            {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "long"},
             {"name": "amount", "type": "double"}]}""";

    private final CompatibilityChecker checker = new CompatibilityChecker();
    private final VersionPolicy policy = new VersionPolicy();

    @Test
    void aFirstVersionIsCompatibleAndNeedsNoBump() {
        CompatibilityVerdict verdict =
                checker.check(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL, false, WITH_AMOUNT, List.of());

        assertThat(verdict.compatible()).isTrue();
        assertThat(verdict.requiredBump()).isEmpty();
        assertThat(policy.versionToPublish(Optional.empty(), verdict, Optional.empty()))
                .isEqualTo(SemanticVersion.FIRST);
    }

    @Test
    void transitiveDifferencesAreMergedAndTaggedWithTheVersionsTheyBreak() {
        // v0 had amount, v1 dropped it, the new version keeps it dropped: only v0 is broken
        CompatibilityVerdict verdict = checker.check(
                SchemaFormat.JSON_SCHEMA,
                CompatibilityMode.BACKWARD_TRANSITIVE,
                false,
                WITHOUT_AMOUNT,
                List.of(WITH_AMOUNT, WITHOUT_AMOUNT, WITHOUT_AMOUNT));

        assertThat(verdict.compatible()).isFalse();
        assertThat(verdict.breakingDifferences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.PROPERTY_REMOVED);
            assertThat(difference.againstVersions()).containsExactly(0);
        });
        assertThat(verdict.differencesAgainstLatest()).isEmpty();
        assertThat(verdict.requiredBump()).isEmpty();
    }

    @Test
    void aDifferenceFoundAgainstSeveralVersionsIsListedOnce() {
        CompatibilityVerdict verdict = checker.check(
                SchemaFormat.JSON_SCHEMA,
                CompatibilityMode.FULL_TRANSITIVE,
                false,
                WITHOUT_AMOUNT,
                List.of(WITH_AMOUNT, WITH_AMOUNT));

        assertThat(verdict.differences())
                .singleElement()
                .satisfies(
                        difference -> assertThat(difference.againstVersions()).containsExactly(0, 1));
    }

    @Test
    void nonTransitiveModesLookOnlyAtTheLatestVersion() {
        CompatibilityVerdict verdict = checker.check(
                SchemaFormat.JSON_SCHEMA,
                CompatibilityMode.BACKWARD,
                false,
                WITHOUT_AMOUNT,
                List.of(WITH_AMOUNT, WITHOUT_AMOUNT));

        assertThat(verdict.compatible()).isTrue();
        assertThat(verdict.differences()).isEmpty();
    }

    @Test
    void noneAcceptsABreakingChangeButStillDerivesAMajorBump() {
        CompatibilityVerdict verdict =
                checker.check(SchemaFormat.AVRO, CompatibilityMode.NONE, false, ORDER_V2, List.of(ORDER_V1));

        assertThat(verdict.compatible()).isTrue();
        assertThat(verdict.differences()).isNotEmpty();
        assertThat(verdict.requiredBump()).contains(VersionBump.MAJOR);
        assertThat(policy.versionToPublish(Optional.of(new SemanticVersion(2, 4, 1)), verdict, Optional.empty()))
                .isEqualTo(new SemanticVersion(3, 0, 0));
    }

    @Test
    void aRequestedVersionBelowTheNeededBumpIsRejectedWithTheReason() {
        CompatibilityVerdict verdict = checker.check(
                SchemaFormat.JSON_SCHEMA, CompatibilityMode.NONE, false, WITHOUT_AMOUNT, List.of(WITH_AMOUNT));
        SemanticVersion latest = new SemanticVersion(2, 4, 1);

        assertThatThrownBy(() -> policy.versionToPublish(
                        Optional.of(latest), verdict, Optional.of(new SemanticVersion(2, 5, 0))))
                .isInstanceOfSatisfying(VersionTooLowException.class, tooLow -> {
                    assertThat(tooLow.minimum()).isEqualTo(new SemanticVersion(3, 0, 0));
                    assertThat(tooLow.detail())
                            .contains("PROPERTY_REMOVED at `/amount`")
                            .contains("`amount`")
                            .contains("MAJOR bump")
                            .contains("use 3.0.0 or higher");
                });
    }

    @Test
    void aRequestedVersionMustBeAboveTheLatestEvenWithoutChanges() {
        CompatibilityVerdict verdict = checker.check(
                SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL, false, WITH_AMOUNT, List.of(WITH_AMOUNT));
        SemanticVersion latest = new SemanticVersion(1, 2, 0);

        assertThat(verdict.requiredBump()).isEmpty();
        assertThat(policy.versionToPublish(Optional.of(latest), verdict, Optional.empty()))
                .isEqualTo(new SemanticVersion(1, 2, 1));
        assertThatThrownBy(() -> policy.versionToPublish(Optional.of(latest), verdict, Optional.of(latest)))
                .isInstanceOf(VersionTooLowException.class)
                .hasMessageContaining("not higher than the latest version 1.2.0");
    }

    @Test
    void aHigherRequestedVersionThanNeededIsAccepted() {
        CompatibilityVerdict verdict = checker.check(
                SchemaFormat.JSON_SCHEMA,
                CompatibilityMode.FULL,
                false,
                WITH_AMOUNT.replace("\"number\"", "\"number\", \"description\": \"gross\""),
                List.of(WITH_AMOUNT));

        assertThat(verdict.requiredBump()).contains(VersionBump.PATCH);
        assertThat(policy.versionToPublish(
                        Optional.of(new SemanticVersion(1, 2, 0)), verdict, Optional.of(new SemanticVersion(1, 3, 0))))
                .isEqualTo(new SemanticVersion(1, 3, 0));
    }

    @Test
    void avroMessagesNameTheFieldAndTheBrokenReaders() {
        CompatibilityVerdict verdict = checker.check(
                SchemaFormat.AVRO,
                CompatibilityMode.BACKWARD,
                false,
                ORDER_V2.replace("\"double\"", "\"string\""),
                List.of(ORDER_V2));

        assertThat(verdict.compatible()).isFalse();
        assertThat(verdict.breakingDifferences()).singleElement().satisfies(difference -> {
            assertThat(difference.path()).isEqualTo("/amount");
            assertThat(difference.message())
                    .contains("field `amount` changed from double to string")
                    .contains("readers of the new schema cannot read some records written with the previous");
        });
    }

    @Test
    void unreadableSchemasAreReportedAsInvalid() {
        assertThatThrownBy(() ->
                        checker.check(SchemaFormat.AVRO, CompatibilityMode.FULL, false, "{not avro", List.of(ORDER_V1)))
                .isInstanceOf(InvalidSchemaException.class);
        assertThatThrownBy(() -> checker.check(
                        SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL, false, 42, List.of(WITH_AMOUNT)))
                .isInstanceOf(InvalidSchemaException.class);
    }
}
