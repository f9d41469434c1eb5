package dev.watershed.application.plan;

/**
 * One thing the registry refuses in a plan, with the same code and detail the single-asset endpoint gives.
 *
 * @param pointer JSON Pointer into the plan request, e.g. {@code /assets/1/dependsOn/0/fields/1}
 */
public record PlanError(String asset, String code, String detail, String pointer) {}
