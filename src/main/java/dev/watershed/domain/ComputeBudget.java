package dev.watershed.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * How long one piece of work may still compute, and whether anyone still waits for it. Loops whose length depends
 * on a schema or a batch call {@link #tick()} at every step; once the deadline passes or {@link #cancel()} was
 * called (the client hung up), the next tick throws, so no core stays busy for a result nobody can receive.
 *
 * <p>{@link #tick()} is cheap enough for inner loops: it reads a volatile flag and, every few hundred calls only,
 * the clock. A budget is used by one thread at a time; {@link #cancel()} may be called from any thread.
 */
public final class ComputeBudget {

    /** Ticks between two readings of the clock; a tick is far shorter than a microsecond of work. */
    private static final int TICKS_PER_CLOCK_READ = 256;

    private final Duration limit;
    private final long deadline;
    private final LongSupplier nanoClock;
    private final AtomicBoolean cancelled;
    private int ticksUntilClockRead = TICKS_PER_CLOCK_READ;

    private ComputeBudget(Duration limit, LongSupplier nanoClock, AtomicBoolean cancelled) {
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.cancelled = cancelled;
        this.deadline = limit == null ? 0 : nanoClock.getAsLong() + limit.toNanos();
    }

    /** No deadline, as for the command line, where the user waits for the answer and can interrupt it. */
    public static ComputeBudget unlimited() {
        return new ComputeBudget(null, System::nanoTime, new AtomicBoolean());
    }

    /** A budget of {@code limit} from now. */
    public static ComputeBudget of(Duration limit) {
        return of(limit, System::nanoTime);
    }

    /**
     * A budget of {@code limit} from now on the given clock.
     *
     * @param nanoClock a monotonic clock in nanoseconds, such as {@link System#nanoTime()}
     */
    public static ComputeBudget of(Duration limit, LongSupplier nanoClock) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a compute budget must be positive, was " + limit);
        }
        return new ComputeBudget(limit, Objects.requireNonNull(nanoClock, "nanoClock"), new AtomicBoolean());
    }

    /**
     * The same allowance again, counted from now, and cancelled together with this budget: one per record of a
     * batch, whose length is bounded by the record limits rather than by time.
     */
    public ComputeBudget renewed() {
        return new ComputeBudget(limit, nanoClock, cancelled);
    }

    /** Stops the work at its next tick, and the work of every {@link #renewed()} budget. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /** The allowance; empty when unlimited. */
    public Optional<Duration> limit() {
        return Optional.ofNullable(limit);
    }

    /**
     * One step of work.
     *
     * @throws ComputeCancelledException      when the budget was cancelled
     * @throws ComputeBudgetExceededException when the deadline has passed (noticed within a few hundred ticks)
     */
    public void tick() {
        if (cancelled.get()) {
            throw new ComputeCancelledException();
        }
        if (limit != null && --ticksUntilClockRead <= 0) {
            ticksUntilClockRead = TICKS_PER_CLOCK_READ;
            checkDeadline();
        }
    }

    /**
     * Checks at once, for places between larger steps (one version of a history, one record of a batch).
     *
     * @throws ComputeCancelledException      when the budget was cancelled
     * @throws ComputeBudgetExceededException when the deadline has passed
     */
    public void check() {
        if (cancelled.get()) {
            throw new ComputeCancelledException();
        }
        if (limit != null) {
            checkDeadline();
        }
    }

    /**
     * Checks for cancellation only, for loops whose steps the record limits already bound.
     *
     * @throws ComputeCancelledException when the budget was cancelled
     */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new ComputeCancelledException();
        }
    }

    private void checkDeadline() {
        if (nanoClock.getAsLong() - deadline > 0) {
            throw new ComputeBudgetExceededException(limit);
        }
    }
}
