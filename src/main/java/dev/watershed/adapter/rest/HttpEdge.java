package dev.watershed.adapter.rest;

import dev.watershed.application.config.WatershedConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What every request meets on the event loop before it reaches an endpoint, and where the HTTP layer's own errors
 * become problem documents.
 *
 * <ol>
 *   <li>A request target longer than {@code watershed.limits.max-uri-length} is 414, headers larger than
 *       {@code max-header-bytes} 431 (Netty's own limits are set higher, in application.properties, so that these
 *       answers are ours).</li>
 *   <li>A body (with or without Content-Length) is watched by {@link BodyWatchdog}: too slow, 408 and closed.</li>
 *   <li>A streamed batch (NDJSON or Avro to /assets/{name}/validate or /drift) takes a {@link ValidationSlots} slot
 *       or is answered 503, and then streams to its endpoint, bounded by its record limits rather than by bytes.</li>
 *   <li>Every other body is read here, whole, into memory, counting bytes as they arrive, so that a body over
 *       {@code watershed.limits.max-body-bytes} is 413 whether or not it declared its length, and a slow body never
 *       holds a worker thread: only a request whose body has arrived goes on to its endpoint. Validation requests
 *       then take a slot too.</li>
 * </ol>
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    /** Before Quarkus' own upload limit (which answers without a body) and before any endpoint. */
    private static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;

    private static final Pattern VALIDATION = Pattern.compile("/api/v1/(validate|assets/[^/]+/(validate|drift))/?");
    private static final String SLOT = HttpEdge.class.getName() + ".slot";
    /** Seconds a client refused for want of a validation slot is asked to wait. */
    private static final String RETRY_AFTER_SECONDS = "5";
    /** Codes of the other statuses the HTTP layer may fail a request with. */
    private static final Map<Integer, String> CODES = Map.of(
            404,
            "NOT_FOUND",
            405,
            "METHOD_NOT_ALLOWED",
            406,
            "NOT_ACCEPTABLE",
            408,
            "REQUEST_TIMEOUT",
            415,
            "UNSUPPORTED_MEDIA_TYPE");

    private final WatershedConfig.Limits limits;
    private final ValidationSlots slots;
    private final BodyHandler bodies;
    private final String version;

    public HttpEdge(
            WatershedConfig config,
            ValidationSlots slots,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "development") String version) {
        this.limits = config.limits();
        this.version = version;
        this.slots = slots;
        this.bodies = BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::admit).failureHandler(this::failed);
        router.route().order(ORDER + 1).handler(this::claimSlot);
    }

    private void admit(RoutingContext ctx) {
        ResponseHeaders.install(ctx, version);
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > limits.maxUriLength()) {
            EdgeResponses.refuse(
                    ctx,
                    414,
                    "URI_TOO_LONG",
                    "the request target has " + request.uri().length()
                            + " characters, more than the limit of " + limits.maxUriLength()
                            + " (watershed.limits.max-uri-length): send long input in a request body",
                    0);
            return;
        }
        if (request.uri().contains("%00")) {
            // No name, version or query value holds NUL, and PostgreSQL cannot even look one up.
            EdgeResponses.refuse(
                    ctx,
                    400,
                    "MALFORMED_REQUEST",
                    "the request target holds an encoded NUL character"
                            + " (%00), which no path segment or query value may contain",
                    limits.maxBodyBytes());
            return;
        }
        long headerBytes = headerBytes(request);
        if (headerBytes > limits.maxHeaderBytes()) {
            EdgeResponses.refuse(
                    ctx,
                    431,
                    "HEADERS_TOO_LARGE",
                    "the request headers have " + headerBytes
                            + " bytes, more than the limit of " + limits.maxHeaderBytes()
                            + " (watershed.limits.max-header-bytes)",
                    0);
            return;
        }
        boolean validation = request.method() == HttpMethod.POST
                && VALIDATION.matcher(ctx.normalizedPath()).matches();
        boolean streamed =
                validation && isStreamedBatch(ctx.normalizedPath(), request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (!hasBody(request)) {
            ctx.next();
            return;
        }
        // A streamed batch is bounded by its records, not by time: it only has to keep arriving.
        watch(ctx, streamed ? null : limits.bodyTimeout());
        if (streamed) {
            if (takeSlot(ctx, false)) {
                ctx.next();
            }
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && Long.parseLong(declared.strip()) > limits.maxBodyBytes()) {
            EdgeResponses.refuse(
                    ctx,
                    413,
                    "PAYLOAD_TOO_LARGE",
                    tooLarge("has " + declared.strip() + " bytes, more than"),
                    limits.maxBodyBytes());
            return;
        }
        if (isForm(request)) {
            // No endpoint takes an HTML form, and the body reader would decode one as it arrives, failing halfway
            // on anything that is not percent-encoded: answer as the endpoint would, once the body has drained.
            EdgeResponses.refuse(
                    ctx,
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "this endpoint does not accept that" + " Content-Type: see /q/openapi for what it takes",
                    limits.maxBodyBytes());
            return;
        }
        // Answers Expect: 100-continue itself.
        bodies.handle(ctx);
    }

    /** Whether a request is a streamed batch (validation or drift), which the general body-size limit must not cut. */
    private static boolean isStreamedBatch(String path, String contentType) {
        return path != null
                && (path.endsWith("/validate") || path.endsWith("/drift"))
                && path.contains("assets/")
                && MediaTypes.isRecordStream(contentType);
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }

    /** A validation request whose body has been read whole (or that has none) takes its slot now. */
    private void claimSlot(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (ctx.get(SLOT) == null
                && request.method() == HttpMethod.POST
                && VALIDATION.matcher(ctx.normalizedPath()).matches()) {
            if (!takeSlot(ctx, true)) {
                return;
            }
            if (!hasBody(request)) {
                // Not watched yet: watch only for the end of the exchange, which gives the slot back.
                watch(ctx, null);
            }
        }
        ctx.next();
    }

    /**
     * Takes a slot, given back when the watchdog sees the exchange end, or answers 503.
     *
     * @param bodyRead whether the body has been read already, so that the connection can stay open
     */
    private boolean takeSlot(RoutingContext ctx, boolean bodyRead) {
        if (!slots.tryAcquire()) {
            String detail = "the registry is working on " + slots.limit() + " validation requests already"
                    + " (watershed.limits.max-concurrent-validations): retry after " + RETRY_AFTER_SECONDS + " s";
            if (bodyRead) {
                EdgeResponses.problem(
                        ctx,
                        503,
                        "VALIDATION_CAPACITY_EXHAUSTED",
                        detail,
                        HttpHeaders.RETRY_AFTER.toString(),
                        RETRY_AFTER_SECONDS);
            } else {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                EdgeResponses.refuse(ctx, 503, "VALIDATION_CAPACITY_EXHAUSTED", detail, limits.maxBodyBytes());
            }
            return false;
        }
        ctx.put(SLOT, Boolean.TRUE);
        return true;
    }

    private void watch(RoutingContext ctx, Duration timeout) {
        BodyWatchdog.watch(ctx, limits.bodyMinRate(), limits.bodyRateWindow(), timeout, () -> {
            if (ctx.get(SLOT) != null) {
                ctx.remove(SLOT);
                slots.release();
            }
        });
    }

    /** Failures of the HTTP layer itself (the body reader's 413, a malformed body, ...) as problem documents. */
    private void failed(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        Throwable failure = ctx.failure();
        if (response.closed() || response.headWritten()) {
            // The client went away, or a response is already on its way: nothing more to say to anyone.
            LOG.debugf(
                    "%s %s ended early: %s",
                    ctx.request().method(),
                    ctx.request().path(),
                    failure == null ? "status " + ctx.statusCode() : failure.toString());
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        switch (status) {
            case 413 ->
                EdgeResponses.refuse(ctx, 413, "PAYLOAD_TOO_LARGE", tooLarge("is larger than"), limits.maxBodyBytes());
            case 400 ->
                EdgeResponses.refuse(
                        ctx,
                        400,
                        "MALFORMED_REQUEST",
                        "the request could not be read as"
                                + " HTTP: check its encoding (Content-Length, Transfer-Encoding, percent-escapes)",
                        limits.maxBodyBytes());
            default -> {
                if (status >= 500) {
                    LOG.error(
                            "request failed in the HTTP layer: " + ctx.request().method() + " "
                                    + ctx.request().path(),
                            failure);
                    EdgeResponses.problem(
                            ctx,
                            500,
                            "INTERNAL_ERROR",
                            "the registry failed to handle this request;" + " the failure is logged");
                } else {
                    EdgeResponses.problem(
                            ctx,
                            status,
                            CODES.getOrDefault(status, "HTTP_" + status),
                            "the HTTP layer refused the request with status " + status);
                }
            }
        }
    }

    private String tooLarge(String what) {
        return "the request body " + what + " the limit of " + limits.maxBodyBytes()
                + " bytes (watershed.limits.max-body-bytes); stream large batches as application/x-ndjson or"
                + " application/avro to /api/v1/assets/{name}/validate";
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.strip().equals("0") : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }
}
