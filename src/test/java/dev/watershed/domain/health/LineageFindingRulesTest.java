package dev.watershed.domain.health;

import static dev.watershed.domain.health.EstateBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.domain.graph.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules that compare declared dependencies with observed lineage and with the producers' contracts. */
class LineageFindingRulesTest {

    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
    private static final Instant LAST_QUARTER = NOW.minus(Duration.ofDays(90));

    /** orders -> features -> model, nothing declared or observed yet. */
    private static EstateBuilder shop() {
        return new EstateBuilder()
                .asset("orders", "SOURCE")
                .asset("features", "FEATURE")
                .asset("model", "MODEL");
    }

    @Nested
    class UndeclaredDependency {

        private final UndeclaredDependencyRule rule = new UndeclaredDependencyRule();

        @Test
        void anObservedButUndeclaredEdgeIsAWarningWhoseRemedyIsTheDeclaration() {
            EstateFacts facts = shop().observed("orders", "features", YESTERDAY, "/customer/id", "/amount")
                    .build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.UNDECLARED_DEPENDENCY);
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(finding.asset()).isEqualTo("features");
                assertThat(finding.path()).containsExactly("orders", "features");
                assertThat(finding.fields()).containsExactly("/amount", "/customer/id");
                assertThat(finding.detail())
                        .contains("job airflow/load-features", "12 completed runs", "last seen " + YESTERDAY);
                assertThat(finding.remedy())
                        .isEqualTo("Declare the dependency: PUT /api/v1/assets/features/dependencies/orders"
                                + " {\"fields\":[\"/amount\",\"/customer/id\"]}. If the job should not read orders,"
                                + " change the job instead.");
            });
        }

        @Test
        void withoutFieldsReadTheDeclarationReadsTheWholeContract() {
            EstateFacts facts = shop().observed("orders", "features", YESTERDAY).build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.fields()).isEmpty();
                assertThat(finding.remedy()).contains("PUT /api/v1/assets/features/dependencies/orders {}.");
            });
        }

        @Test
        void anObservedAndDeclaredEdgeIsFine() {
            EstateFacts facts = shop().reads("features", "orders", Usage.BOTH, List.of("/amount"))
                    .observed("orders", "features", YESTERDAY, "/amount")
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void aJobRewritingItsOwnAssetOrAnAssetNoLongerRegisteredIsNotADependency() {
            EstateFacts facts = shop().observed("orders", "orders", YESTERDAY)
                    .observed("retired", "features", YESTERDAY)
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void nothingObservedFindsNothing() {
            assertThat(rule.apply(shop().build())).isEmpty();
        }
    }

    @Nested
    class StaleDeclaration {

        private final StaleDeclarationRule rule = new StaleDeclarationRule();

        @Test
        void aDeclarationNoRunShowedWhileTheConsumerRanIsInfo() {
            EstateFacts facts = shop().reads("model", "features", Usage.BOTH, List.of("/amount"))
                    .ran("model", YESTERDAY)
                    .build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.STALE_DECLARATION);
                assertThat(finding.severity()).isEqualTo(Severity.INFO);
                assertThat(finding.asset()).isEqualTo("model");
                assertThat(finding.path()).containsExactly("features", "model");
                assertThat(finding.fields()).containsExactly("/amount");
                assertThat(finding.title()).contains("30 days");
                assertThat(finding.detail())
                        .contains("last completed run " + YESTERDAY, "no run was ever seen reading it");
                assertThat(finding.remedy()).contains("DELETE /api/v1/assets/model/dependencies/features");
            });
        }

        @Test
        void anEdgeLastSeenLongerAgoThanStaleAfterIsStale() {
            EstateFacts facts = shop().reads("model", "features", Usage.BOTH, List.of())
                    .ran("model", YESTERDAY)
                    .observed("features", "model", LAST_QUARTER)
                    .build();

            assertThat(rule.apply(facts))
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.detail())
                            .contains("job airflow/load-model last read it " + LAST_QUARTER));
        }

        @Test
        void aConsumerWithNoObservedRunIsNotJudged() {
            EstateFacts facts =
                    shop().reads("model", "features", Usage.BOTH, List.of()).build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void aConsumerWhoseJobsStoppedRunningIsNotJudged() {
            EstateFacts facts = shop().reads("model", "features", Usage.BOTH, List.of())
                    .ran("model", LAST_QUARTER)
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void anEdgeSeenRecentlyIsFine() {
            EstateFacts facts = shop().reads("model", "features", Usage.BOTH, List.of())
                    .ran("model", YESTERDAY)
                    .observed("features", "model", NOW.minus(Duration.ofDays(2)))
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }
    }

    @Nested
    class FieldReadNotDeclared {

        private final FieldReadNotDeclaredRule rule = new FieldReadNotDeclaredRule();

        @Test
        void aFieldReadButNotListedIsAWarningWhoseRemedyRepeatsTheDeclaration() {
            EstateFacts facts = shop().reads("model", "features", Usage.TRAINING, List.of("/amount"))
                    .observed("features", "model", YESTERDAY, "/amount", "/customer/id")
                    .build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.FIELD_READ_NOT_DECLARED);
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(finding.asset()).isEqualTo("model");
                assertThat(finding.path()).containsExactly("features", "model");
                assertThat(finding.fields()).containsExactly("/customer/id");
                assertThat(finding.detail()).contains("/customer/id", "lists only /amount");
                assertThat(finding.remedy())
                        .isEqualTo("Add /customer/id to the dependency's fields: PUT"
                                + " /api/v1/assets/model/dependencies/features {\"versionRange\":\"^1\","
                                + "\"fields\":[\"/amount\",\"/customer/id\"],\"usage\":\"TRAINING\"}. If the job"
                                + " should not read it, change the job instead.");
            });
        }

        @Test
        void aDeclarationWithoutFieldsReadsEverything() {
            EstateFacts facts = shop().reads("model", "features", Usage.BOTH, List.of())
                    .observed("features", "model", YESTERDAY, "/amount", "/customer/id")
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void readsInsideAListedFieldAreDeclaredButAWholeObjectIsNot() {
            EstateFacts inside = shop().reads("model", "features", Usage.BOTH, List.of("/customer", "/lines/*/price"))
                    .observed("features", "model", YESTERDAY, "/customer/id", "/lines/*/price")
                    .build();
            EstateFacts whole = shop().reads("model", "features", Usage.BOTH, List.of("/customer/id"))
                    .observed("features", "model", YESTERDAY, "/customer")
                    .build();

            assertThat(rule.apply(inside)).isEmpty();
            assertThat(rule.apply(whole))
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.fields()).containsExactly("/customer"));
        }

        @Test
        void anUndeclaredEdgeIsLeftToTheUndeclaredDependencyRule() {
            EstateFacts facts =
                    shop().observed("features", "model", YESTERDAY, "/amount").build();

            assertThat(rule.apply(facts)).isEmpty();
        }
    }

    @Nested
    class DeclaredFieldMissing {

        private final DeclaredFieldMissingRule rule = new DeclaredFieldMissingRule();

        @Test
        void aListedFieldTheProducersContractLacksIsAnError() {
            EstateFacts facts = shop().contract("orders", "/amount", "/customer", "/customer/id")
                    .reads("features", "orders", Usage.BOTH, List.of("/amount", "/discount"))
                    .build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.DECLARED_FIELD_MISSING);
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.asset()).isEqualTo("features");
                assertThat(finding.path()).containsExactly("orders", "features");
                assertThat(finding.fields()).containsExactly("/discount");
                assertThat(finding.detail()).contains("/discount", "version 1.0.0 of orders");
                assertThat(finding.remedy())
                        .startsWith("Drop /discount from the dependency's fields: PUT"
                                + " /api/v1/assets/features/dependencies/orders"
                                + " {\"versionRange\":\"^1\",\"fields\":[\"/amount\"]}");
            });
        }

        @Test
        void aContractWithoutFieldsHasNoneOfTheListedOnes() {
            EstateFacts facts = shop().contract("orders")
                    .reads("features", "orders", Usage.BOTH, List.of("/amount"))
                    .build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.fields()).containsExactly("/amount");
                assertThat(finding.remedy()).startsWith("Name the fields features reads instead");
            });
        }

        @Test
        void aProducerWithoutContractHasNothingToCompareWith() {
            EstateFacts facts = shop().reads("features", "orders", Usage.BOTH, List.of("/amount"))
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void fieldsPresentAsTheDeclarationCheckMatchesThemAreFine() {
            EstateFacts facts = shop().contract("orders", "/amount", "/customer/id", "/lines", "/lines/*/price")
                    .reads("features", "orders", Usage.BOTH, List.of("/amount", "/customer", "/lines/0/price"))
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void aDeclarationWithoutFieldsOrPinnedToAnOlderVersionIsNotJudged() {
            EstateFacts whole = shop().contract("orders", "/amount")
                    .reads("features", "orders", Usage.BOTH, List.of())
                    .build();
            EstateFacts pinned = new EstateBuilder()
                    .asset("orders", "SOURCE", "2.0.0")
                    .asset("features", "FEATURE")
                    .contract("orders", "/amount")
                    .reads("features", "orders", Usage.BOTH, List.of("/discount"))
                    .build();

            assertThat(rule.apply(whole)).isEmpty();
            assertThat(rule.apply(pinned)).isEmpty();
        }
    }

    @Test
    void theAnalyserRunsTheLineageRules() {
        EstateFacts facts = shop().contract("orders", "/amount")
                .reads("features", "orders", Usage.BOTH, List.of("/discount"))
                .observed("features", "model", YESTERDAY, "/amount")
                .build();

        assertThat(FindingsAnalyser.withAllRules(2, Duration.ofDays(180)).analyse(facts))
                .extracting(Finding::code)
                .contains(FindingCode.DECLARED_FIELD_MISSING, FindingCode.UNDECLARED_DEPENDENCY);
    }
}
