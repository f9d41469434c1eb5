package dev.watershed.adapter.cli;

/** How a {@link Report} is written: for people, programs, CI test reports, GitHub annotations or a PR comment. */
enum OutputFormat {
    text,
    json,
    junit,
    github,
    markdown
}
