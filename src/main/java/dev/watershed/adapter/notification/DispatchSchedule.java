package dev.watershed.adapter.notification;

import dev.watershed.application.notification.DeliveryDispatcher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the outbox dispatcher on every replica; a run still busy makes the next one skip. */
@ApplicationScoped
public class DispatchSchedule {

    private final DeliveryDispatcher dispatcher;

    public DispatchSchedule(DeliveryDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    // Not while the application starts or stops: a run during shutdown finds the database already closed.
    @Scheduled(
            every = "${watershed.notifications.dispatch-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        dispatcher.dispatchDue();
    }
}
