package dev.watershed.adapter.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Watches a request body arrive, on the event loop, and ends the exchange of a client that sends too slowly: at every
 * tick of {@code window} the body must have grown by {@code minRate} bytes a second since the last tick, and a body
 * read whole must be complete within {@code timeout}. Vert.x counts the bytes it took in ({@code bytesRead}); a body
 * the registry stops reading (back pressure from a slow endpoint) counts as slow too, which with a minimum of a few
 * KB/s only happens to an endpoint that has stopped working anyway.
 *
 * <p>The clock ticks every second (or every window, if shorter) until the response is written and the body has
 * ended, or the connection is closed; it runs {@code finished} once, as soon as the response is written or the
 * connection closed. It looks for the end itself rather than trusting a close
 * handler alone: RESTEasy installs its own close handler on every response, which replaces the one a routing
 * context end handler relies on, so a client that disconnects would otherwise never give its slot back.
 */
final class BodyWatchdog {

    private static final Logger LOG = Logger.getLogger(BodyWatchdog.class);

    private final RoutingContext ctx;
    private final int minRate;
    private final long minBytesPerWindow;
    private final long windowMillis;
    private final long timeoutNanos;
    private final Runnable finished;
    private final long started = System.nanoTime();
    private long timer;
    private long lastCheck = started;
    private long lastRead;
    private boolean done;

    private BodyWatchdog(RoutingContext ctx, int minRate, Duration window, Duration timeout, Runnable finished) {
        this.ctx = ctx;
        this.minRate = minRate;
        this.windowMillis = Math.max(1, window.toMillis());
        this.minBytesPerWindow = (long) minRate * windowMillis / 1000;
        this.timeoutNanos = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        this.finished = finished;
    }

    /**
     * Starts watching.
     *
     * @param timeout  the longest the whole body may take; {@code null} for a streamed batch, bounded by rate only
     * @param finished run once when the exchange is over
     */
    static void watch(RoutingContext ctx, int minRate, Duration window, Duration timeout, Runnable finished) {
        BodyWatchdog watchdog = new BodyWatchdog(ctx, minRate, window, timeout, finished);
        watchdog.timer = ctx.vertx().setPeriodic(Math.min(1000, watchdog.windowMillis), id -> watchdog.tick());
        ctx.addEndHandler(ignored -> watchdog.finish());
    }

    private void tick() {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            finish();
            ctx.vertx().cancelTimer(timer);
            return;
        }
        if (response.ended()) {
            // The work is done; a body still arriving (after a refusal, say) is watched until it ends.
            finish();
        }
        if (request.isEnded() || arrivedWhole(request)) {
            if (done) {
                ctx.vertx().cancelTimer(timer);
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastCheck < windowMillis * 1_000_000 && now - started < timeoutNanos) {
            return;
        }
        long read = request.bytesRead();
        long elapsedMillis = Math.max(1, (now - lastCheck) / 1_000_000);
        if (now - started >= timeoutNanos) {
            finish();
            cut(
                    "BODY_TIMEOUT",
                    "the request body did not arrive within "
                            + Duration.ofNanos(timeoutNanos).toSeconds() + " s (" + read
                            + " bytes so far; watershed.limits.body-timeout)");
        } else if (read - lastRead < minBytesPerWindow) {
            finish();
            cut(
                    "BODY_TOO_SLOW",
                    "the request body arrived at " + (read - lastRead) * 1000 / elapsedMillis
                            + " bytes/s over the last " + elapsedMillis + " ms, below the minimum of " + minRate
                            + " bytes/s (watershed.limits.body-min-rate)");
        }
        lastCheck = now;
        lastRead = read;
    }

    /**
     * Whether every byte of a body of declared length has arrived. The request is not "ended" while an endpoint still
     * works on what it read (a publish waiting for its turn, a check computing), and the time it takes is the
     * registry's, not the client's.
     */
    private static boolean arrivedWhole(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && request.bytesRead() >= Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void cut(String code, String detail) {
        // Stop here: after a response has ended, Vert.x no longer tells this request that its connection closed.
        ctx.vertx().cancelTimer(timer);
        HttpServerRequest request = ctx.request();
        LOG.infof(
                "Closing the connection of %s: %s %s: %s",
                request.remoteAddress(), request.method(), request.path(), detail);
        EdgeResponses.cut(ctx, 408, code, detail);
    }

    private void finish() {
        if (!done) {
            done = true;
            finished.run();
        }
    }
}
