package dev.watershed.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the CLI takes from .watershed.yaml and the environment, its help, and what it does when it cannot judge. */
class CliConfigAndHelpTest {

    @TempDir
    Path directory;

    @Test
    void defaultsComeFromTheNearestFileThenTheEnvironmentThenTheCommandLine() throws IOException {
        Path repository = Files.createDirectories(directory.resolve("repo"));
        Files.createDirectories(repository.resolve(".git"));
        Files.writeString(repository.resolve(".watershed.yaml"), """
                registry: http://from-file.example:8080
                tokenEnv: CONTRACTS_TOKEN
                contracts: [definitions, more/teams.yaml]
                format: github
                reports: {junit: "out/watershed-{command}.xml"}
                """);
        Path below = Files.createDirectories(repository.resolve("definitions").resolve("payments"));

        CheckCommand fromFile = parsed(below, Map.of("CONTRACTS_TOKEN", "t0ken"), "check");
        assertThat(fromFile.settings().problem()).isEmpty();
        assertThat(fromFile.registry.registry).isEqualTo("http://from-file.example:8080");
        assertThat(fromFile.registry.token).isEqualTo("t0ken");
        assertThat(fromFile.format).isEqualTo(OutputFormat.github);
        assertThat(fromFile.contractPaths(fromFile.paths))
                .containsExactly(repository.resolve("definitions"), repository.resolve("more/teams.yaml"));
        assertThat(fromFile.settings().reports())
                .containsEntry(OutputFormat.junit, repository.resolve("out/watershed-{command}.xml"));

        CheckCommand fromEnvironment =
                parsed(below, Map.of("WATERSHED_URL", "http://from-env.example", "WATERSHED_TOKEN", "other"), "check");
        assertThat(fromEnvironment.registry.registry).isEqualTo("http://from-env.example");
        assertThat(fromEnvironment.registry.token)
                .as("the file's tokenEnv is unset: WATERSHED_TOKEN")
                .isEqualTo("other");

        CheckCommand fromCommandLine = parsed(
                below,
                Map.of("WATERSHED_URL", "http://from-env.example"),
                "check",
                "--registry",
                "http://flag.example",
                "--format",
                "json",
                "elsewhere");
        assertThat(fromCommandLine.registry.registry).isEqualTo("http://flag.example");
        assertThat(fromCommandLine.format).isEqualTo(OutputFormat.json);
        assertThat(fromCommandLine.contractPaths(fromCommandLine.paths)).containsExactly(Path.of("elsewhere"));
    }

    @Test
    void withoutAFileTheBuiltInDefaultsHoldAndNothingAboveTheRepositoryIsRead() throws IOException {
        Files.writeString(directory.resolve(".watershed.yaml"), "registry: http://outside.example\n");
        Path repository = Files.createDirectories(directory.resolve("repo"));
        Files.createDirectories(repository.resolve(".git"));

        CheckCommand check = parsed(repository, Map.of(), "check");
        assertThat(check.registry.registry).isEqualTo("http://localhost:8080");
        assertThat(check.registry.token).isNull();
        assertThat(check.format).isEqualTo(OutputFormat.text);
        assertThat(check.contractPaths(check.paths)).containsExactly(Path.of("contracts"));

        Path named = Files.writeString(directory.resolve("ci.yaml"), "registry: http://named.example\n");
        assertThat(parsed(repository, Map.of("WATERSHED_CONFIG", named.toString()), "check").registry.registry)
                .isEqualTo("http://named.example");
    }

    @Test
    void aBrokenFileStopsTheCommandSayingWhatIsWrongWithIt() throws IOException {
        Files.createDirectories(directory.resolve(".git"));
        Files.writeString(directory.resolve(".watershed.yaml"), "registry: http://x.example\nformat: xml\n");
        CliRun invalid = CliRun.in(directory, Map.of(), "lint");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err())
                .contains("watershed lint: ")
                .contains(".watershed.yaml")
                .contains("format");

        Files.writeString(directory.resolve(".watershed.yaml"), "registry: [http://x.example\n");
        CliRun unparsable = CliRun.in(directory, Map.of(), "lint");
        assertThat(unparsable.exitCode()).isEqualTo(2);
        assertThat(unparsable.err()).containsPattern("\\.watershed\\.yaml:\\d+:\\d+: not valid YAML");
    }

    @Test
    void everyCommandHasHelpAndHelpNamesIt() {
        CommandLine cli = WatershedCli.commandLine(directory, Map.of());
        for (String name : cli.getSubcommands().keySet()) {
            CliRun help = CliRun.in(directory, Map.of(), name, "--help");
            assertThat(help.exitCode()).as(name + " --help: " + help.err()).isZero();
            assertThat(help.out()).as(name).contains("Usage: watershed " + name);
        }
        CliRun viaHelp = CliRun.in(directory, Map.of(), "help", "check");
        assertThat(viaHelp.exitCode()).isZero();
        assertThat(viaHelp.out()).contains("Usage: watershed check").contains("--report=FORMAT=FILE");

        CliRun completion = CliRun.in(directory, Map.of(), "completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("check").contains("apply");
    }

    @Test
    void initScaffoldsARepositoryThatLintsAndWritesItsReportsAndTheReadmesWorkflow() throws IOException {
        Files.createDirectories(directory.resolve(".git"));
        CliRun init = CliRun.in(
                directory,
                Map.of(),
                "init",
                directory.toString(),
                "--registry",
                "https://watershed.example.org/",
                "--team",
                "orders-team",
                "--email",
                "orders@example.org",
                "--asset",
                "orders.events");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains(".watershed.yaml", "teams.yaml", "orders.events.yaml", "watershed.yml");

        CliRun lint = CliRun.in(directory, Map.of(), "lint");
        assertThat(lint.exitCode()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("orders.events");
        assertThat(directory.resolve("reports/watershed-lint.xml")).content().contains("<testsuite");
        assertThat(directory.resolve("reports/watershed-lint.md")).content().contains("watershed lint");

        CliRun again = CliRun.in(directory, Map.of(), "init", directory.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("not overwriting");

        // The workflow init writes is the README's, so that the README's recipe is what a new repository gets.
        String workflow = Files.readString(directory.resolve(".github/workflows/watershed.yml"));
        JsonNode parsed = new ObjectMapper(new YAMLFactory()).readTree(workflow);
        assertThat(parsed.path("permissions").path("pull-requests").asText()).isEqualTo("write");
        assertThat(parsed.path("concurrency").path("group").asText()).isNotEmpty();
        assertThat(readmeBlock("yaml", "name: contracts\n")).isEqualTo(workflow);
    }

    @Test
    void reportsAreWrittenWhateverTheVerdictAndWhenNothingCouldBeJudged() throws IOException {
        Path old = Files.writeString(
                directory.resolve("old.schema.json"),
                "{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"number\"}}}");
        Path breaking = Files.writeString(
                directory.resolve("new.schema.json"),
                "{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"string\"}}}");
        Path junit = directory.resolve("out/diff.xml");
        Path markdown = directory.resolve("out/diff.md");
        CliRun failed = CliRun.in(
                directory,
                Map.of(),
                "diff",
                old.toString(),
                breaking.toString(),
                "--report",
                "junit=" + junit,
                "--report",
                "markdown=" + markdown);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(junit).content().contains("<failure");
        assertThat(markdown).content().contains("amount");

        Files.createDirectories(directory.resolve(".git"));
        CliRun.in(directory, Map.of(), "init", directory.toString(), "--asset", "my-team.orders");
        int closed = closedPort();
        Path text = directory.resolve("out/check.txt");
        CliRun unreachable = CliRun.in(
                directory,
                Map.of(),
                "check",
                "--registry",
                "http://127.0.0.1:" + closed,
                "--report",
                "junit=" + junit,
                "--report",
                "text=" + text);
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err())
                .isEqualTo("watershed check: cannot reach the registry at http://127.0.0.1:" + closed
                        + ": nothing is listening there (connection refused) (set --registry or WATERSHED_URL)\n");
        assertThat(junit).content().contains("<error").contains("connection refused");
        assertThat(text).content().contains("connection refused");
        // .watershed.yaml's reports are written too, beside --report's.
        assertThat(directory.resolve("reports/watershed-check.md")).content().contains("connection refused");
    }

    @Test
    void aUrlThatIsNotTheRegistrysIsAUsageErrorThatSaysWhichUrlToUse() throws IOException {
        Files.createDirectories(directory.resolve(".git"));
        CliRun.in(directory, Map.of(), "init", directory.toString(), "--asset", "my-team.orders");

        CliRun api = CliRun.in(directory, Map.of("WATERSHED_URL", "http://localhost:8080/api/v1/"), "check");
        assertThat(api.exitCode()).isEqualTo(2);
        assertThat(api.err()).contains("is the registry's API, not the registry: use http://localhost:8080");

        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            String url = "http://127.0.0.1:" + other.getAddress().getPort() + "/watershed";
            CliRun notRegistry = CliRun.in(directory, Map.of("WATERSHED_URL", url), "check");
            assertThat(notRegistry.exitCode()).isEqualTo(2);
            assertThat(notRegistry.err())
                    .contains(url + " answered POST /watershed/api/v1/plans with HTTP 404 but is not a Watershed"
                            + " registry (no Watershed-Version header)");
        } finally {
            other.stop(0);
        }
    }

    /** The README's fenced block of this language that starts with {@code start}. */
    static String readmeBlock(String language, String start) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher blocks =
                Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (blocks.find()) {
            if (blocks.group(1).startsWith(start)) {
                return blocks.group(1);
            }
        }
        throw new AssertionError("the README has no ```" + language + " block starting with " + start);
    }

    private CheckCommand parsed(Path workingDirectory, Map<String, String> environment, String... args) {
        CommandLine cli = WatershedCli.commandLine(workingDirectory, environment);
        List<CommandLine> commands = cli.parseArgs(args).asCommandLineList();
        return (CheckCommand) commands.get(commands.size() - 1).getCommand();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
