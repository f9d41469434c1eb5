package dev.watershed.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged registry ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, the way a user runs
 * it, on a free port. Integration tests use it for what an in-process test cannot show: restarts.
 */
final class RunningRegistry implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final Path log;
    final String baseUrl;

    private RunningRegistry(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://localhost:" + port;
    }

    /** Starts the jar with the given settings as system properties and waits until it answers health checks. */
    static RunningRegistry start(Path workDir, Map<String, String> settings) throws IOException, InterruptedException {
        assertThat(JAR).as("run 'mvn package' first").exists();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-Dquarkus.http.port=" + port));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path log = Files.createTempFile(workDir, "registry", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A registry under test must not pick up a bootstrap token from the developer's environment.
        builder.environment().remove("WATERSHED_AUTH_BOOTSTRAP_TOKEN");
        RunningRegistry registry = new RunningRegistry(builder.start(), log, port);
        registry.awaitReady();
        return registry;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the registry exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .build();
                HttpResponse<String> health = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the registry did not become ready in 90 s:\n" + log());
    }

    /** Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
