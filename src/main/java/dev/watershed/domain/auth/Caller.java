package dev.watershed.domain.auth;

import java.util.Objects;

/**
 * Who is making a request, as established from its token.
 *
 * @param tokenId the token's identifier, for audit ({@code createdBy})
 * @param team    the team the token acts for; {@code null} only for the bootstrap admin token
 */
public record Caller(String tokenId, String name, String team, Role role) {

    /** The caller of a request that carried no token. */
    public static final Caller ANONYMOUS = new Caller(null, "anonymous", null, null);

    public boolean authenticated() {
        return role != null;
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** Throws unless this caller may change things owned by {@code owningTeam}. */
    public void requireCanChange(String owningTeam, String what) {
        requireAuthenticated();
        if (!admin() && !Objects.equals(team, owningTeam)) {
            throw new ForbiddenException("team '" + team + "' may not change " + what + ", which belongs to team '"
                    + owningTeam + "': ask that team, or an admin, to make this change");
        }
    }

    /**
     * Throws unless this caller acts for {@code owningTeam} or is an admin: for what a team may see only of its own,
     * such as its webhook targets and delivery log.
     */
    public void requireCanSee(String owningTeam, String what) {
        requireAuthenticated();
        if (!admin() && !Objects.equals(team, owningTeam)) {
            throw new ForbiddenException("team '" + team + "' may not see " + what + ", which only team '" + owningTeam
                    + "' and admins may see: use a token of that team, or an admin token");
        }
    }

    public void requireAdmin(String action) {
        requireAuthenticated();
        if (!admin()) {
            throw new ForbiddenException("only an ADMIN token may " + action);
        }
    }

    public void requireAuthenticated() {
        if (!authenticated()) {
            throw new AuthenticationRequiredException(
                    "this request needs a token: send 'Authorization: Bearer <token>'");
        }
    }

    /** Short label recorded as the author of a change. */
    public String label() {
        return team == null ? name : team + "/" + name;
    }
}
