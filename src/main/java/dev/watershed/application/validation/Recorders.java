package dev.watershed.application.validation;

import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;

/**
 * Whose observations and baselines of an asset a use case relies on. Any team may record observations of any asset
 * (consumers check the data they read), but one team's recordings must not decide another's drift verdicts: the
 * owner's checks rely on what the owning team or an admin recorded, another team's on its own.
 *
 * @param owner whether recordings made for the owner (by the owning team or an admin) count
 * @param team  a team whose own recordings count, or {@code null}
 */
public record Recorders(boolean owner, String team) {

    public Recorders {
        if (!owner && team == null) {
            throw new IllegalArgumentException("recorders must include the owner's side or a team");
        }
    }

    /** The side that made {@code observation}: the owner's, or its own team's. */
    public static Recorders sideOf(Observation observation) {
        return observation.byOwner() ? new Recorders(true, null) : new Recorders(false, observation.team());
    }

    /** Those a caller relies on by default: the owner's when it acts for the owner, its own team's otherwise. */
    public static Recorders of(Caller caller, Asset asset) {
        return forOwner(caller, asset) ? new Recorders(true, null) : new Recorders(false, caller.team());
    }

    /** Whether a recording by {@code caller} is made for the asset's owner. */
    public static boolean forOwner(Caller caller, Asset asset) {
        return caller.admin() || asset.owner().equals(caller.team());
    }

    /** Whether a recording by {@code team}, made for the owner or not, is one of these. */
    public boolean include(String team, boolean byOwner) {
        return (owner && byOwner) || (this.team != null && this.team.equals(team));
    }
}
