package dev.watershed.application.distribution;

import java.nio.file.Path;

/**
 * The CLI jar the registry hands out: where it is, how big, and its SHA-256 (lowercase hex), which the install
 * script checks the download against.
 */
public record CliJar(Path file, long size, String sha256) {}
