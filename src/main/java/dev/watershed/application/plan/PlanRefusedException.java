package dev.watershed.application.plan;

import dev.watershed.domain.ConflictException;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.auth.ForbiddenException;
import java.util.List;
import java.util.Map;

/** An applied plan with at least one refusal: nothing of it was stored. */
public class PlanRefusedException extends ConflictException {

    private final List<PlanError> errors;

    public PlanRefusedException(List<PlanError> errors) {
        super(
                "PLAN_REFUSED",
                errors.size() + " change(s) of the plan were refused, so none was applied; the first: "
                        + errors.get(0).asset() + ": " + errors.get(0).detail());
        this.errors = List.copyOf(errors);
    }

    /**
     * What refuses an applied plan: a 403 when the caller may not make one of its changes (retrying with another
     * plan cannot help; another token can), else this conflict listing every refusal.
     */
    public static WatershedException refusing(List<PlanError> errors) {
        for (PlanError error : errors) {
            if ("FORBIDDEN".equals(error.code())) {
                return new ForbiddenException(error.detail() + " (" + errors.size()
                        + " change(s) of the plan were refused, so none was applied)");
            }
        }
        return new PlanRefusedException(errors);
    }

    public List<PlanError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("errors", errors);
    }
}
