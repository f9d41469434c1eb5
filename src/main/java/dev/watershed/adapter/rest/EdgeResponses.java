package dev.watershed.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem documents written straight to Vert.x, for refusals made before any endpoint runs. A refusal that ends the
 * connection lets the client's body drain first, up to a budget, so that the client reads the answer instead of a
 * reset, and then closes it.
 */
final class EdgeResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeResponses() {}

    /**
     * Sends a problem unless a response has begun already; {@code extra} adds headers such as Retry-After.
     *
     * @return when the response is written; {@code null} when none was sent
     */
    static Future<Void> problem(RoutingContext ctx, int status, String code, String detail, String... extra) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.closed()) {
            return null;
        }
        String path = ctx.request().path();
        Problem problem = new Problem(status, ProblemMapper.titleOf(status), code, detail, path);
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.PROBLEM_JSON);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            response.putHeader(extra[i], extra[i + 1]);
        }
        return response.end(body);
    }

    /**
     * Sends a problem and closes the connection once the client has stopped sending: the rest of its body is read
     * and dropped, and the connection is closed at once when more than {@code drainBytes} arrive. (Vert.x keeps a
     * connection open after a {@code Connection: close} response unless told to close it.)
     */
    static void refuse(RoutingContext ctx, int status, String code, String detail, long drainBytes) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.closed()) {
            request.connection().close();
            return;
        }
        Runnable closeWhenDone = () -> {
            if (request.isEnded() && response.ended()) {
                request.connection().close();
            }
        };
        if (!request.isEnded()) {
            long[] drained = {0};
            request.exceptionHandler(ignored -> {});
            request.handler(chunk -> {
                drained[0] += chunk.length();
                if (drained[0] > drainBytes) {
                    request.connection().close();
                }
            });
            request.endHandler(ignored -> closeWhenDone.run());
            request.resume();
        }
        response.putHeader(HttpHeaders.CONNECTION, "close");
        problem(ctx, status, code, detail).onComplete(ignored -> closeWhenDone.run());
    }

    /** Closes the connection at once, after sending a problem if no response has begun. */
    static void cut(RoutingContext ctx, int status, String code, String detail) {
        HttpServerResponse response = ctx.response();
        Future<Void> sent = null;
        if (!response.headWritten() && !response.closed()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            sent = problem(ctx, status, code, detail);
        }
        if (sent == null) {
            ctx.request().connection().close();
        } else {
            sent.onComplete(ignored -> ctx.request().connection().close());
        }
    }
}
