package dev.watershed.adapter.cli;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults from the environment and from {@code .watershed.yaml}, in that order. Picocli asks it before an
 * option's own {@code defaultValue}, which stays the built-in default when this answers {@code null}.
 */
final class SettingsDefaults implements IDefaultValueProvider {

    private final CliSettings settings;
    private final Map<String, String> environment;

    SettingsDefaults(CliSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            // Positional contract paths are several values: ContractPaths takes them from the settings.
            return null;
        }
        return switch (option.longestName()) {
            case "--registry" -> env("WATERSHED_URL").or(settings::registry).orElse(null);
            case "--token" ->
                env(settings.tokenEnv())
                        .or(() -> env(CliSettings.DEFAULT_TOKEN_ENV))
                        .orElse(null);
            case "--format" -> settings.format().map(Enum::name).orElse(null);
            default -> null;
        };
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
