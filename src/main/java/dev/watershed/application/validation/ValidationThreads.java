package dev.watershed.application.validation;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads NDJSON batches are validated on while their request's thread reads and parses the body. A thread per
 * running batch, idle ones kept for a minute: how many batches run at once is bounded where requests come in
 * ({@code watershed.limits.max-concurrent-validations}), and a batch waits for nothing but its own reading side, so
 * a fixed pool would only make batches queue behind one another.
 */
@ApplicationScoped
public class ValidationThreads implements Executor {

    private final ExecutorService threads = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger created = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "watershed-validation-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    @Override
    public void execute(Runnable work) {
        threads.execute(work);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
