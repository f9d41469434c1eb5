package dev.watershed.application.distribution;

import dev.watershed.domain.NotFoundException;

/** The registry was started without the CLI jar beside it (built from source without {@code package}). */
public class CliJarNotBuiltException extends NotFoundException {

    public CliJarNotBuiltException(String looked) {
        super(
                "CLI_JAR_NOT_BUILT",
                "this registry has no CLI jar to hand out (looked for " + looked + "); build it with"
                        + " ./mvnw -DskipTests package, or point watershed.cli.jar at a watershed-cli.jar");
    }
}
