package dev.watershed.application.access;

import dev.watershed.domain.NotFoundException;

/** No team has this name. */
public class TeamNotFoundException extends NotFoundException {

    private final String team;

    public TeamNotFoundException(String team) {
        super("TEAM_NOT_FOUND", "team '" + team + "' does not exist: create it with POST /api/v1/teams");
        this.team = team;
    }

    /** The name asked for. */
    public String team() {
        return team;
    }
}
