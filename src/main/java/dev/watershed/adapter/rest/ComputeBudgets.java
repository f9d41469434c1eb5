package dev.watershed.adapter.rest;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.ComputeBudget;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a request's comparison and validation work within a {@link ComputeBudget} of
 * {@code watershed.limits.compute-budget}, cancelled the moment the request's connection closes or its response
 * ends: a client that hangs up mid-check leaves no core busy computing an answer nobody can receive.
 */
@ApplicationScoped
public class ComputeBudgets {

    private final Duration limit;
    private final CurrentVertxRequest currentRequest;
    private final AtomicInteger running = new AtomicInteger();

    public ComputeBudgets(WatershedConfig config, CurrentVertxRequest currentRequest) {
        this.limit = config.limits().computeBudget();
        this.currentRequest = currentRequest;
    }

    /** Runs {@code work} with a fresh budget tied to the current request's connection. */
    <T> T within(Function<ComputeBudget, T> work) {
        ComputeBudget budget = ComputeBudget.of(limit);
        cancelWhenTheClientIsGone(budget);
        running.incrementAndGet();
        try {
            return work.apply(budget);
        } finally {
            running.decrementAndGet();
        }
    }

    /** How many requests' work is running now. */
    public int running() {
        return running.get();
    }

    private void cancelWhenTheClientIsGone(ComputeBudget budget) {
        RoutingContext routing = currentRequest.getCurrent();
        if (routing == null) {
            return;
        }
        // Called when the response ends, and with a failure when the connection closes first.
        routing.addEndHandler(ended -> budget.cancel());
        // The connection may have closed before the handler was added; Vert.x guards both with the connection.
        if (routing.response().closed() || routing.response().ended()) {
            budget.cancel();
        }
    }
}
