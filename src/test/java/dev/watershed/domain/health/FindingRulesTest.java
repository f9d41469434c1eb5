package dev.watershed.domain.health;

import static dev.watershed.domain.health.EstateBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.graph.Usage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FindingRulesTest {

    /** label source -> features -> model, the shape most rules look at. */
    private static EstateBuilder clinic() {
        return new EstateBuilder()
                .asset("ehr", "SOURCE")
                .asset("features", "FEATURE")
                .asset("model", "MODEL")
                .field("ehr", "/age", FieldRole.FEATURE, true)
                .field("ehr", "/outcome", FieldRole.LABEL, false)
                .field("features", "/age_bucket", FieldRole.FEATURE, true)
                .field("features", "/followup", FieldRole.FEATURE, false)
                .field("features", "/outcome", FieldRole.LABEL, false);
    }

    @Nested
    class ServingLeakage {

        private final ServingLeakageRule rule = new ServingLeakageRule();

        @Test
        void aModelServingOnAHindsightFieldIsAnError() {
            EstateFacts facts = clinic().reads(
                            "model",
                            "features",
                            Usage.BOTH,
                            List.of("/age_bucket", "/followup", "/outcome"),
                            EstateBuilder.targets("/outcome"))
                    .build();

            List<Finding> findings = rule.apply(facts);

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.SERVING_UNAVAILABLE_FIELD);
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.asset()).isEqualTo("model");
                assertThat(finding.fields()).containsExactly("/followup");
                assertThat(finding.path()).containsExactly("features", "model");
                assertThat(finding.detail()).contains("/followup", "features 1.0.0", "servingAvailable: false");
            });
        }

        @Test
        void readingAHindsightFieldForTrainingOnlyIsFine() {
            EstateFacts facts = clinic().reads("model", "features", Usage.TRAINING, List.of("/age_bucket", "/followup"))
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void aLabelReadAsAnInputIsAnErrorUnlessItIsATarget() {
            EstateFacts wholeContract = clinic().reads("model", "features", Usage.TRAINING, List.of())
                    .build();
            EstateFacts declared = clinic().reads(
                            "model", "features", Usage.TRAINING, List.of(), EstateBuilder.targets("/outcome"))
                    .build();

            assertThat(rule.apply(wholeContract)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.LABEL_AS_INPUT);
                assertThat(finding.fields()).containsExactly("/outcome");
                assertThat(finding.detail()).contains("whole contract");
            });
            assertThat(rule.apply(declared)).isEmpty();
        }

        /** Fixed with one field-path relation: a label inside array items is read through a concrete index too. */
        @Test
        void aLabelInsideArrayItemsIsReadThroughAnIndexUnlessItIsATarget() {
            EstateFacts oneVisit = new EstateBuilder()
                    .asset("visits", "DATASET")
                    .asset("model", "MODEL")
                    .field("visits", "/visits/*/outcome", FieldRole.LABEL, false)
                    .reads("model", "visits", Usage.TRAINING, List.of("/visits/0/outcome"))
                    .build();
            EstateFacts declared = new EstateBuilder()
                    .asset("visits", "DATASET")
                    .asset("model", "MODEL")
                    .field("visits", "/visits/*/outcome", FieldRole.LABEL, false)
                    .reads(
                            "model",
                            "visits",
                            Usage.TRAINING,
                            List.of("/visits/0/outcome"),
                            EstateBuilder.targets("/visits/*/outcome"))
                    .build();

            assertThat(rule.apply(oneVisit)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.LABEL_AS_INPUT);
                assertThat(finding.fields()).containsExactly("/visits/*/outcome");
            });
            assertThat(rule.apply(declared)).isEmpty();
        }

        @Test
        void evaluationReadsLabelsAndNonModelsAreNotChecked() {
            EstateFacts facts = clinic().reads("model", "features", Usage.EVALUATION, List.of("/outcome"))
                    .reads("features", "ehr", Usage.BOTH, List.of("/outcome"))
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }
    }

    @Nested
    class LabelDerivedFeature {

        private final LabelDerivedFeatureRule rule = new LabelDerivedFeatureRule();

        @Test
        void aFeatureBuiltFromALabelAndReadByAModelIsAWarningWithThePath() {
            EstateFacts facts = clinic().asset("aggregates", "DATASET")
                    .reads("features", "ehr", Usage.BOTH, List.of("/age", "/outcome"))
                    .reads("aggregates", "features", Usage.BOTH, List.of("/age_bucket"))
                    .reads("model", "aggregates", Usage.BOTH, List.of())
                    .build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.LABEL_DERIVED_FEATURE);
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(finding.asset()).isEqualTo("aggregates");
                assertThat(finding.path()).containsExactly("ehr", "features", "aggregates", "model");
                assertThat(finding.fields()).containsExactly("/outcome");
            });
        }

        @Test
        void aLabelCarriedThroughAsATargetIsNotADerivation() {
            EstateFacts facts = clinic().reads(
                            "features",
                            "ehr",
                            Usage.BOTH,
                            List.of("/age", "/outcome"),
                            EstateBuilder.targets("/outcome"))
                    .reads("model", "features", Usage.BOTH, List.of("/age_bucket"))
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }

        @Test
        void aFeatureNoModelReadsOrOneReadForEvaluationIsNotReported() {
            EstateFacts facts = clinic().asset("report", "DATASET")
                    .reads("features", "ehr", Usage.BOTH, List.of("/outcome"))
                    .reads("report", "features", Usage.BOTH, List.of())
                    .reads("model", "features", Usage.EVALUATION, List.of())
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }
    }

    @Nested
    class SplitWithoutKey {

        private final SplitWithoutKeyRule rule = new SplitWithoutKeyRule();

        private EstateBuilder split() {
            return new EstateBuilder()
                    .asset("sales", "SOURCE")
                    .asset("train", "DATASET")
                    .asset("holdout", "DATASET")
                    .asset("forecast", "MODEL")
                    .field("sales", "/store_id", FieldRole.ID, true)
                    .reads("train", "sales", Usage.BOTH, List.of())
                    .reads("holdout", "sales", Usage.BOTH, List.of());
        }

        @Test
        void trainingAndEvaluationFromOneSourceWithoutAKeyIsAWarning() {
            EstateFacts facts = split().reads("forecast", "train", Usage.TRAINING, List.of())
                    .reads("forecast", "holdout", Usage.EVALUATION, List.of())
                    .build();

            assertThat(rule.apply(facts)).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.SPLIT_WITHOUT_KEY);
                assertThat(finding.asset()).isEqualTo("forecast");
                assertThat(finding.path()).containsExactly("sales", "train", "forecast");
                assertThat(finding.otherPaths()).containsExactly(List.of("sales", "holdout", "forecast"));
                assertThat(finding.detail()).contains("derived from sales", "sales -> holdout -> forecast");
                assertThat(finding.remedy()).contains("/store_id");
                assertThat(finding.concerns("holdout"))
                        .as("the evaluation dataset's own findings list it")
                        .isTrue();
                assertThat(finding.concerns("train")).isTrue();
                assertThat(finding.concerns("elsewhere")).isFalse();
            });
        }

        @Test
        void aSplitKeyOnEitherSideOrUnrelatedSourcesAreFine() {
            EstateFacts keyed = split().reads("forecast", "train", Usage.TRAINING, List.of())
                    .reads("forecast", "holdout", Usage.EVALUATION, List.of(), EstateBuilder.splitKey("/store_id"))
                    .build();
            EstateFacts unrelated = new EstateBuilder()
                    .asset("a", "DATASET")
                    .asset("b", "DATASET")
                    .asset("m", "MODEL")
                    .reads("m", "a", Usage.TRAINING, List.of())
                    .reads("m", "b", Usage.EVALUATION, List.of())
                    .build();

            assertThat(rule.apply(keyed)).isEmpty();
            assertThat(rule.apply(unrelated)).isEmpty();
        }
    }

    @Nested
    class NoReplica {

        private final NoReplicaRule rule = new NoReplicaRule();

        private EstateBuilder pipeline() {
            return new EstateBuilder()
                    .asset("feed", "SOURCE")
                    .asset("features", "FEATURE")
                    .asset("model", "MODEL")
                    .reads("features", "feed", Usage.BOTH, List.of())
                    .reads("model", "features", Usage.BOTH, List.of());
        }

        @Test
        void aHighCriticalitySourceFeedingAModelWithoutAReplicaIsAWarning() {
            assertThat(rule.apply(pipeline().high("feed").build()))
                    .singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.code()).isEqualTo(FindingCode.NO_REPLICA);
                        assertThat(finding.asset()).isEqualTo("feed");
                        assertThat(finding.path()).containsExactly("feed", "features", "model");
                    });
        }

        @Test
        void aReplicaALowerCriticalityOrNoModelDownstreamSilenceIt() {
            EstateFacts replicated = pipeline()
                    .high("feed")
                    .asset("feed-copy", "SOURCE")
                    .replica("feed-copy", "feed")
                    .build();
            EstateFacts notCritical = pipeline().build();
            EstateFacts noModel = new EstateBuilder()
                    .asset("feed", "SOURCE")
                    .asset("report", "DATASET")
                    .high("feed")
                    .reads("report", "feed", Usage.BOTH, List.of())
                    .build();

            assertThat(rule.apply(replicated)).isEmpty();
            assertThat(rule.apply(notCritical)).isEmpty();
            assertThat(rule.apply(noModel)).isEmpty();
        }
    }

    @Nested
    class UnstableDependency {

        private final UnstableDependencyRule rule = new UnstableDependencyRule(2, Duration.ofDays(90));

        private EstateBuilder readers() {
            return new EstateBuilder()
                    .asset("api", "SOURCE")
                    .asset("a", "FEATURE")
                    .asset("b", "FEATURE")
                    .reads("a", "api", Usage.BOTH, List.of())
                    .reads("b", "api", Usage.BOTH, List.of());
        }

        @Test
        void moreMajorVersionsThanAllowedInTheWindowWarnsEachReader() {
            EstateFacts facts = readers()
                    .major("api", "2.0.0", NOW.minus(Duration.ofDays(80)))
                    .major("api", "3.0.0", NOW.minus(Duration.ofDays(30)))
                    .major("api", "4.0.0", NOW.minus(Duration.ofDays(1)))
                    .build();

            List<Finding> findings = rule.apply(facts);

            assertThat(findings).hasSize(2).allSatisfy(finding -> {
                assertThat(finding.code()).isEqualTo(FindingCode.UNSTABLE_DEPENDENCY);
                assertThat(finding.asset()).isEqualTo("api");
                assertThat(finding.detail()).contains("3 major versions in the last 90 days", "2.0.0", "4.0.0");
            });
            assertThat(findings).extracting(finding -> finding.path().get(1)).containsExactlyInAnyOrder("a", "b");
        }

        @Test
        void releasesAtTheLimitOrOutsideTheWindowAreFine() {
            EstateFacts facts = readers()
                    .major("api", "2.0.0", NOW.minus(Duration.ofDays(200)))
                    .major("api", "3.0.0", NOW.minus(Duration.ofDays(30)))
                    .major("api", "4.0.0", NOW.minus(Duration.ofDays(1)))
                    .build();

            assertThat(rule.apply(facts)).isEmpty();
        }
    }

    @Nested
    class UnusedAsset {

        private final UnusedAssetRule rule = new UnusedAssetRule();

        @Test
        void sourcesAndFeaturesNoModelReadsAreReportedButReplicasAndModelsAreNot() {
            EstateFacts facts = new EstateBuilder()
                    .asset("feed", "SOURCE")
                    .asset("features", "FEATURE")
                    .asset("model", "MODEL")
                    .asset("orphan", "SOURCE")
                    .asset("dashboard-data", "DATASET")
                    .asset("feed-copy", "SOURCE")
                    .replica("feed-copy", "feed")
                    .reads("features", "feed", Usage.BOTH, List.of())
                    .reads("model", "features", Usage.BOTH, List.of())
                    .reads("dashboard-data", "orphan", Usage.BOTH, List.of())
                    .build();

            assertThat(rule.apply(facts))
                    .extracting(Finding::asset)
                    .containsExactlyInAnyOrder("orphan", "dashboard-data");
            assertThat(rule.apply(facts))
                    .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.INFO));
        }
    }

    @Test
    void theAnalyserPutsErrorsFirst() {
        EstateFacts facts = clinic().asset("orphan", "SOURCE")
                .reads("model", "features", Usage.BOTH, List.of("/followup"))
                .build();

        List<Finding> findings =
                FindingsAnalyser.withAllRules(2, Duration.ofDays(90)).analyse(facts);

        assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
        assertThat(findings.get(0).code()).isEqualTo(FindingCode.SERVING_UNAVAILABLE_FIELD);
        assertThat(findings).extracting(Finding::code).contains(FindingCode.UNUSED_ASSET);
    }
}
