package dev.watershed.adapter.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on loopback: answers 500 to its first {@code failFirst} calls, then 204. It can be stopped
 * and started again on the same port to play a receiver that is down for a while.
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * One call as it arrived.
     *
     * @param host          the Host header
     * @param authorization the Authorization header, {@code null} without one
     * @param uri           the request's path and query
     */
    public record Call(
            String body,
            String contentType,
            String signature,
            int answered,
            String host,
            String authorization,
            String uri) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private HttpServer server;
    private int port;

    public WebhookReceiver(int failFirst) {
        this.failuresLeft = new AtomicInteger(failFirst);
        start(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** The port it listens on (loopback). */
    public int port() {
        return port;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> accepted() {
        return calls.stream().filter(call -> call.answered() == 204).toList();
    }

    /** Accepts every call from now on. */
    void heal() {
        failuresLeft.set(0);
    }

    void stop() {
        server.stop(0);
    }

    /** Starts again on the port it had. */
    void restart() {
        start(port);
    }

    private void start(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            calls.add(new Call(
                    body,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Watershed-Signature"),
                    status,
                    exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestURI().toString()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
