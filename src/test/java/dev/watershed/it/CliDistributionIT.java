package dev.watershed.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's CI section as a new user follows it, with the packaged registry as a process: the CLI installed from
 * the registry with {@code curl | sh}, a contracts repository made by {@code watershed init}, and the README's shell
 * recipe run as it is under {@code bash -e}, on pull requests and on main.
 */
@DisabledIfEnvironmentVariable(
        named = "QUARKUS_DATASOURCE_DB_KIND",
        matches = "(?!h2).*",
        disabledReason = "the jar is started on its embedded H2 default; the CLI does not depend on the database")
class CliDistributionIT {

    private static final Path BUILT_CLI = Path.of("target", "quarkus-app", "watershed-cli.jar");

    @TempDir
    static Path shared;

    private static RunningRegistry registry;
    private static String adminToken;

    @TempDir
    Path directory;

    record Run(int exitCode, String out) {}

    @BeforeAll
    static void startTheRegistry() throws Exception {
        Path dataDir = shared.resolve("data");
        registry = RunningRegistry.start(shared, Map.of("watershed.data-dir", dataDir.toString()));
        adminToken = Files.readString(dataDir.resolve("admin-token")).strip();
    }

    @AfterAll
    static void stopTheRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void installsTheRegistrysOwnCliAndNothingWhenTheDownloadIsNotWhatTheRegistrySays() throws Exception {
        Path home = directory.resolve("home");
        Run install = shell(directory, home, Map.of(), "curl -fsSL " + registry.baseUrl + "/cli/install | sh");
        assertThat(install.exitCode()).as(install.out()).isZero();
        Path installed = home.resolve(".local/share/watershed/watershed-cli.jar");
        assertThat(sha256(installed)).isEqualTo(sha256(BUILT_CLI));
        assertThat(install.out()).contains("installed as " + home.resolve(".local/bin/watershed"));

        String serverVersion =
                given().baseUri(registry.baseUrl).get("/cli").then().extract().header("Watershed-Version");
        Run version = shell(directory, home, Map.of(), "\"$HOME/.local/bin/watershed\" --version");
        assertThat(version.out().strip()).isEqualTo("watershed " + serverVersion);

        // A server that hands out a jar whose digest is not the one it states: nothing replaces the installed CLI.
        HttpServer tampered = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tampered.createContext("/cli/watershed-cli.jar", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().endsWith(".sha256")
                    ? (sha256(BUILT_CLI) + "  watershed-cli.jar\n").getBytes(StandardCharsets.US_ASCII)
                    : "not the jar".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tampered.start();
        try {
            String other = "http://127.0.0.1:" + tampered.getAddress().getPort();
            Run refused = shell(
                    directory,
                    home,
                    Map.of("WATERSHED_URL", other),
                    "curl -fsSL " + registry.baseUrl + "/cli/install | sh");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.out())
                    .contains("but the registry says " + sha256(BUILT_CLI) + "; nothing was installed");
            assertThat(sha256(installed)).isEqualTo(sha256(BUILT_CLI));
        } finally {
            tampered.stop(0);
        }

        // A CLI of another version than the registry's warns, and still works.
        HttpServer older = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        older.createContext("/", exchange -> {
            byte[] body = "{\"items\":[],\"total\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Watershed-Version", "0.0.1");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        older.start();
        try {
            String url = "http://127.0.0.1:" + older.getAddress().getPort();
            Run warned = shell(directory, home, Map.of(), "\"$HOME/.local/bin/watershed\" findings --registry " + url);
            assertThat(warned.out())
                    .contains("warning: this CLI is version " + serverVersion + " and the registry at " + url
                            + " is 0.0.1; install the registry's own: curl -fsSL " + url + "/cli/install | sh");
        } finally {
            older.stop(0);
        }
    }

    @Test
    void theRepositorysLauncherWorksThroughASymlink() throws Exception {
        Path link = directory.resolve("bin").resolve("watershed");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("watershed").toAbsolutePath());
        Run version = shell(directory, directory, Map.of(), "\"" + link + "\" --version");
        assertThat(version.exitCode()).as(version.out()).isZero();
        assertThat(version.out()).startsWith("watershed ");
    }

    @Test
    void aMisspeltDependencyFieldFailsThePullRequestAtItsLineAndAFailingApplyStoresNothing() throws Exception {
        Contracts repo = newRepository();
        assertThat(repo.recipe("main").exitCode()).as("first apply").isZero();

        Files.writeString(repo.consumerFile(), repo.consumer("[id, amont]", ""));
        Run pullRequest = repo.recipe("feature");
        assertThat(pullRequest.exitCode()).as(pullRequest.out()).isEqualTo(1);
        // lint already knows the producer's fields (it is in the same files), so the step fails there, before check.
        int line = lineOf(repo.consumerFile(), "amont");
        assertThat(pullRequest.out())
                .contains("contracts/" + repo.consumer + ".yaml:" + line)
                .contains("amont");
        Path lintReport = repo.root.resolve("reports").resolve("watershed-lint.xml");
        assertThat(lintReport).content().contains("<failure").contains("amont");

        // check alone, as a repository whose producer lives elsewhere relies on: the registry's dry run refuses it.
        Run check = shell(repo.root, repo.home, Map.of(), "\"$HOME/.local/bin/watershed\" check --format github");
        assertThat(check.exitCode()).as(check.out()).isEqualTo(1);
        assertThat(check.out()).contains("::error file=contracts/" + repo.consumer + ".yaml,line=" + line);
        assertThat(repo.report("txt")).content().contains("UNKNOWN_FIELDS");

        // Applied anyway on main: refused as a whole, and the new asset in the same plan is not created either.
        Files.writeString(
                repo.root.resolve("contracts").resolve(repo.team + ".extra.yaml"), """
                name: %s.extra
                kind: DATASET
                owner: %s
                """.formatted(repo.team, repo.team));
        Run apply = repo.recipe("main");
        assertThat(apply.exitCode()).as(apply.out()).isEqualTo(1);
        given().baseUri(registry.baseUrl)
                .get("/api/v1/assets/" + repo.team + ".extra")
                .then()
                .statusCode(404);
    }

    @Test
    void aBreakingChangeFailsWithEveryReportAndOnceAcknowledgedPassesAndAppliesAsTheNextMajor() throws Exception {
        Contracts repo = newRepository();
        assertThat(repo.recipe("main").exitCode()).as("first apply").isZero();

        Files.writeString(repo.schemaFile(), repo.schema("string"));
        Run breaking = repo.recipe("feature");
        assertThat(breaking.exitCode()).as(breaking.out()).isEqualTo(1);
        for (String kind : List.of("xml", "md", "txt")) {
            assertThat(repo.report(kind)).exists();
        }
        assertThat(repo.report("md")).content().contains("amount").contains(repo.team + ".fraud");
        assertThat(repo.report("xml")).content().contains("<failure");
        assertThat(breaking.out()).contains("contracts/" + repo.team + ".orders.schema.json:");

        Files.writeString(
                repo.assetFile(),
                Files.readString(repo.assetFile()).replace("""
                  schemaFile: %s.orders.schema.json
                """.formatted(repo.team), """
                  schemaFile: %s.orders.schema.json
                  breakingChange:
                    version: 2.0.0
                    accepts: [/amount]
                    migration: amount is now a decimal string
                """.formatted(repo.team)));
        Run acknowledged = repo.recipe("feature");
        assertThat(acknowledged.exitCode()).as(acknowledged.out()).isZero();
        assertThat(Files.readString(repo.report("txt")))
                .contains("will be told")
                .contains(repo.team + ".fraud");

        Run apply = repo.recipe("main");
        assertThat(apply.exitCode()).as(apply.out()).isZero();
        given().baseUri(registry.baseUrl)
                .get("/api/v1/assets/" + repo.team + ".orders/contracts/latest")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo("2.0.0"));
    }

    /** A contracts repository made by {@code watershed init}, with a consumer of the first asset. */
    private final class Contracts {

        final Path root;
        final Path home;
        final String team;
        final String consumer;

        Contracts(Path root, Path home, String team) {
            this.root = root;
            this.home = home;
            this.team = team;
            this.consumer = team + ".fraud";
        }

        Path assetFile() {
            return root.resolve("contracts").resolve(team + ".orders.yaml");
        }

        Path schemaFile() {
            return root.resolve("contracts").resolve(team + ".orders.schema.json");
        }

        Path consumerFile() {
            return root.resolve("contracts").resolve(consumer + ".yaml");
        }

        Path report(String extension) {
            return root.resolve("reports").resolve("watershed-check." + extension);
        }

        String schema(String amountType) {
            return """
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "type": "object",
                      "properties": {
                        "id": {"type": "string"},
                        "amount": {"type": "%s"}
                      },
                      "required": ["id"]
                    }
                    """.formatted(amountType);
        }

        String consumer(String fields, String extra) {
            return """
                    name: %s
                    kind: MODEL
                    owner: %s
                    dependsOn:
                      - asset: %s.orders
                        fields: %s
                        usage: TRAINING
                    %s""".formatted(consumer, team, team, fields, extra);
        }

        /** The README's shell recipe, run as it is with bash -e on the given branch. */
        Run recipe(String branch) throws Exception {
            Path script = root.resolve("ci.sh");
            Files.writeString(script, readmeShellRecipe());
            return shell(root, home, Map.of("BRANCH", branch, "WATERSHED_TOKEN", adminToken), "bash -e " + script);
        }
    }

    private Contracts newRepository() throws Exception {
        String team = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        Path root = Files.createDirectories(directory.resolve("contracts-repo"));
        Files.createDirectories(root.resolve(".git"));
        Path home = directory.resolve("home");
        Run install = shell(root, home, Map.of(), "curl -fsSL " + registry.baseUrl + "/cli/install | sh");
        assertThat(install.exitCode()).as(install.out()).isZero();
        Run init = shell(
                root,
                home,
                Map.of(),
                "\"$HOME/.local/bin/watershed\" init --team " + team + " --email " + team + "@example.org --asset "
                        + team + ".orders");
        assertThat(init.exitCode()).as(init.out()).isZero();
        Contracts repo = new Contracts(root, home, team);
        Files.writeString(repo.schemaFile(), repo.schema("number"));
        Files.writeString(repo.consumerFile(), repo.consumer("[id, amount]", ""));
        return repo;
    }

    /** The shell block of the README's CI recipe, marked for this test. */
    private static String readmeShellRecipe() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("<!-- ci-shell-recipe[^>]*-->\n```bash\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("the README's marked shell recipe").isTrue();
        return block.group(1);
    }

    /** Runs a shell command line in {@code workDir} with HOME at {@code home}, against the running registry. */
    private static Run shell(Path workDir, Path home, Map<String, String> environment, String commandLine)
            throws Exception {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of("bash", "-c", commandLine));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("WATERSHED_") || name.equals("GITHUB_PATH"));
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WATERSHED_URL", registry.baseUrl);
        env.putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
