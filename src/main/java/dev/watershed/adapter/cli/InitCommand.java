package dev.watershed.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watershed init}: a contracts repository that works at once, with a team, one asset with its schema, the
 * CLI's settings and the GitHub Actions workflow of the README, so that {@code watershed lint} passes on it.
 */
@Command(
        name = "init",
        description = "Scaffold a contracts repository: .watershed.yaml, contracts/teams.yaml, one asset with its"
                + " schema and .github/workflows/watershed.yml. Never overwrites a file.")
final class InitCommand implements Callable<Integer> {

    private static final String TEMPLATES = "/dev/watershed/adapter/cli/init/";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "Where (default: .)")
    Path directory;

    @Option(
            names = "--registry",
            paramLabel = "URL",
            defaultValue = "${env:WATERSHED_URL:-http://localhost:8080}",
            description = "The registry's URL (env WATERSHED_URL; default: ${DEFAULT-VALUE})")
    String registry;

    @Option(names = "--team", paramLabel = "TEAM", defaultValue = "my-team", description = "The owning team")
    String team;

    @Option(
            names = "--email",
            paramLabel = "EMAIL",
            defaultValue = "my-team@example.org",
            description = "The team's address")
    String email;

    @Option(
            names = "--asset",
            paramLabel = "NAME",
            defaultValue = "my-team.orders",
            description = "The first asset's name (default: ${DEFAULT-VALUE})")
    String asset;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(directory.resolve(CliSettings.FILE_NAME), "watershed.yaml");
        files.put(directory.resolve("contracts").resolve("teams.yaml"), "teams.yaml");
        files.put(directory.resolve("contracts").resolve(asset + ".yaml"), "asset.yaml");
        files.put(directory.resolve("contracts").resolve(asset + ".schema.json"), "asset.schema.json");
        files.put(directory.resolve(".github").resolve("workflows").resolve("watershed.yml"), "github-workflow.yml");
        List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            err.println("watershed init: not overwriting "
                    + existing.stream().map(ReportWriter::display).toList()
                    + "; move them away or init another directory");
            err.flush();
            return CliExit.ERROR;
        }
        String url = registry.strip().replaceAll("/+$", "");
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Files.createDirectories(file.getKey().toAbsolutePath().getParent());
                Files.writeString(
                        file.getKey(),
                        template(file.getValue())
                                .replace("@REGISTRY_URL@", url)
                                .replace("@TEAM@", team)
                                .replace("@EMAIL@", email)
                                .replace("@ASSET@", asset));
                out.println("created " + ReportWriter.display(file.getKey()));
            }
        } catch (IOException e) {
            err.println("watershed init: " + e.getMessage());
            err.flush();
            return CliExit.ERROR;
        }
        out.println("Next: watershed lint, then watershed check against " + url
                + "; in GitHub, set the secret WATERSHED_TOKEN for the apply on main.");
        out.flush();
        return CliExit.OK;
    }

    static String template(String name) {
        try (InputStream in = InitCommand.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("the template " + name + " is not in the CLI jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
