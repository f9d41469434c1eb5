package dev.watershed.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ComputeBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void ticksPassUntilTheDeadlineAndThrowSoonAfter() {
        ComputeBudget budget = ComputeBudget.of(Duration.ofMillis(250), now::get);
        for (int tick = 0; tick < 10_000; tick++) {
            budget.tick();
        }
        now.addAndGet(Duration.ofMillis(251).toNanos());

        assertThatThrownBy(() -> {
                    for (int tick = 0; tick < 1_000; tick++) {
                        budget.tick();
                    }
                })
                .isInstanceOf(ComputeBudgetExceededException.class)
                .hasMessageContaining("more than 250ms")
                .hasMessageContaining("watershed.limits.compute-budget")
                .satisfies(e -> assertThat(((WatershedException) e).code()).isEqualTo("COMPUTE_BUDGET_EXCEEDED"));
        assertThatThrownBy(budget::check).isInstanceOf(ComputeBudgetExceededException.class);
    }

    @Test
    void theClockIsReadOnlyEveryFewHundredTicks() {
        AtomicLong reads = new AtomicLong();
        ComputeBudget budget = ComputeBudget.of(Duration.ofSeconds(5), () -> {
            reads.incrementAndGet();
            return now.get();
        });
        reads.set(0);
        for (int tick = 0; tick < 2_560; tick++) {
            budget.tick();
        }

        assertThat(reads.get()).isEqualTo(10);
    }

    @Test
    void cancellingStopsThisBudgetAndEveryRenewedOne() {
        ComputeBudget request = ComputeBudget.of(Duration.ofSeconds(5), now::get);
        ComputeBudget record = request.renewed();

        request.cancel();

        assertThat(record.cancelled()).isTrue();
        assertThatThrownBy(record::tick)
                .isInstanceOf(ComputeCancelledException.class)
                .satisfies(e -> assertThat(((WatershedException) e).code()).isEqualTo("COMPUTE_CANCELLED"));
        assertThatThrownBy(request::checkCancelled).isInstanceOf(ComputeCancelledException.class);
    }

    @Test
    void aRenewedBudgetStartsAgainFromNow() {
        ComputeBudget first = ComputeBudget.of(Duration.ofSeconds(1), now::get);
        now.addAndGet(Duration.ofMillis(900).toNanos());
        ComputeBudget second = first.renewed();
        now.addAndGet(Duration.ofMillis(200).toNanos());

        assertThatThrownBy(first::check).isInstanceOf(ComputeBudgetExceededException.class);
        assertThatCode(second::check).doesNotThrowAnyException();
        assertThat(second.limit()).contains(Duration.ofSeconds(1));
    }

    @Test
    void anUnlimitedBudgetNeverRunsOutButCanBeCancelled() {
        ComputeBudget budget = ComputeBudget.unlimited();
        for (int tick = 0; tick < 100_000; tick++) {
            budget.tick();
        }
        budget.check();
        assertThat(budget.limit()).isEmpty();

        budget.cancel();
        assertThatThrownBy(budget::check).isInstanceOf(ComputeCancelledException.class);
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> ComputeBudget.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
