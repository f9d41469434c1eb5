package dev.watershed.domain.validation;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Validation of an NDJSON batch on a thread of its own while the request's thread goes on reading and parsing the
 * body: reading, parsing and profiling on one side and validating on the other take about as long as each other,
 * so with two cores a batch goes about as fast as validation alone. A few groups of lines circulate between the two
 * threads ({@link #GROUPS}): the reading side waits for a free one when validation is behind, so memory stays
 * bounded by those groups whatever the size of the body.
 *
 * <p>The validating thread never waits for the body, only for groups the reading side has put; the reading side
 * always ends the batch (with {@link #finish()} or {@link #failedReading}) and waits for that thread to be done, so
 * no validation outlives its request. Once validation fails, the validating thread discards what it is given until
 * the end, and the reading side stops at its next group and throws that failure.
 */
final class ValidationPipeline implements LinesHandoff, Runnable {

    /** Groups in circulation: one being read, one being validated, two waiting either way. */
    static final int GROUPS = 4;

    /** How often a reading side that waits for a free group checks that the validating thread still runs. */
    private static final long WAIT_CHECK_MILLIS = 100;

    private static final ParsedLines END = new ParsedLines();

    private final RecordGroupValidation validation;
    private final BlockingQueue<ParsedLines> free = new ArrayBlockingQueue<>(GROUPS);
    // Room for every group and the end mark, so that putting never waits.
    private final BlockingQueue<ParsedLines> filled = new ArrayBlockingQueue<>(GROUPS + 1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    private ValidationPipeline(RecordGroupValidation validation) {
        this.validation = validation;
        for (int i = 0; i < GROUPS; i++) {
            free.add(new ParsedLines());
        }
    }

    /**
     * Starts the validating side on {@code threads}, which must run it at once (a thread per task, as a cached
     * pool does).
     *
     * @return the pipeline, or {@code null} when {@code threads} refuses the task (the caller validates on its own
     *     thread then)
     */
    static ValidationPipeline start(RecordGroupValidation validation, Executor threads) {
        ValidationPipeline pipeline = new ValidationPipeline(validation);
        try {
            threads.execute(pipeline);
        } catch (RejectedExecutionException e) {
            return null;
        }
        return pipeline;
    }

    @Override
    public ParsedLines take(long firstIndex) {
        try {
            ParsedLines group;
            while ((group = free.poll(WAIT_CHECK_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                if (done.getCount() == 0) {
                    throw new IllegalStateException("the validating thread of the batch stopped", failure);
                }
            }
            group.reset(firstIndex);
            return group;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while validating the batch"));
        }
    }

    @Override
    public void put(ParsedLines group) {
        filled.add(group);
    }

    @Override
    public boolean validationFailed() {
        return failure != null;
    }

    @Override
    public ValidationReport finish() {
        end();
        if (failure != null) {
            throw unchecked(failure);
        }
        return validation.report();
    }

    @Override
    public RuntimeException failedReading(ParsedLines pending, RuntimeException readFailure) {
        if (pending != null) {
            put(pending);
        }
        end();
        return failure != null ? unchecked(failure) : readFailure;
    }

    /** Marks the end and waits for the validating thread, however often this thread is interrupted meanwhile. */
    private void end() {
        filled.add(END);
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        boolean interrupted = false;
        try {
            while (true) {
                ParsedLines group;
                try {
                    group = filled.take();
                } catch (InterruptedException e) {
                    // Stop validating but go on taking groups: the reading side ends the batch and waits for it.
                    interrupted = true;
                    if (failure == null) {
                        failure = new UncheckedIOException(
                                new InterruptedIOException("interrupted while validating the batch"));
                    }
                    continue;
                }
                if (group == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        validation.validate(group);
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    }
                }
                group.reset(0);
                free.add(group);
            }
        } finally {
            done.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }
}
