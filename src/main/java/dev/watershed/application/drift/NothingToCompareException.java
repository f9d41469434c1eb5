package dev.watershed.application.drift;

import dev.watershed.domain.WatershedException;

/**
 * A drift check or baseline that finds no profile to work with: no baseline yet, no earlier observation, no
 * profiled observation in the window. The code says which ({@code NO_BASELINE}, {@code NO_PREVIOUS_OBSERVATION},
 * {@code NO_PROFILED_OBSERVATIONS}, {@code OBSERVATION_NOT_PROFILED}); the detail says what to record first.
 */
public class NothingToCompareException extends WatershedException {

    public NothingToCompareException(String code, String detail) {
        super(code, detail);
    }
}
