package dev.watershed.adapter.cli;

import picocli.CommandLine.Option;

/** Where the registry is and how to authenticate, shared by every command that talks to it. */
final class RegistryOptions {

    @Option(
            names = "--registry",
            paramLabel = "URL",
            defaultValue = "${env:WATERSHED_URL:-http://localhost:8080}",
            description = "Registry URL (env WATERSHED_URL; default: ${DEFAULT-VALUE})")
    String registry;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            defaultValue = "${env:WATERSHED_TOKEN}",
            description = "API token for changes (env WATERSHED_TOKEN)")
    String token;

    RegistryClient client() {
        return new RegistryClient(registry, token);
    }
}
