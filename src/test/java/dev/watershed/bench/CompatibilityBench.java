package dev.watershed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.compatibility.CompatibilityVerdict;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SchemaFormat;

import java.util.Arrays;
import java.util.List;

/**
 * Times one FULL_TRANSITIVE check of a 300-field JSON Schema against 100 previous versions, in process: warm-up
 * runs first so the JIT has compiled the differ, then the median of the measured runs.
 */
public final class CompatibilityBench {

    private static final int FIELDS = 300;
    private static final int VERSIONS = 100;
    private static final int WARM_UP_RUNS = 20;
    private static final int MEASURED_RUNS = 15;

    private CompatibilityBench() {
    }

    public static void main(String[] args) {
        JsonNode next = CompatibilityFixtures.schema(FIELDS, 0);
        List<JsonNode> history = CompatibilityFixtures.history(FIELDS, VERSIONS);
        CompatibilityChecker checker = new CompatibilityChecker();

        CompatibilityVerdict verdict = null;
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            verdict = check(checker, next, history);
        }
        long[] nanos = new long[MEASURED_RUNS];
        for (int run = 0; run < MEASURED_RUNS; run++) {
            long start = System.nanoTime();
            verdict = check(checker, next, history);
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("FULL_TRANSITIVE, %d fields vs %d previous versions: median %.1f ms (min %.1f, max %.1f)"
                        + "; compatible=%s, %d differences%n", FIELDS, VERSIONS, nanos[MEASURED_RUNS / 2] / 1e6,
                nanos[0] / 1e6, nanos[MEASURED_RUNS - 1] / 1e6, verdict.compatible(), verdict.differences().size());
    }

    private static CompatibilityVerdict check(CompatibilityChecker checker, JsonNode next, List<JsonNode> history) {
        return checker.check(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL_TRANSITIVE, false, next, history);
    }
}
