package dev.watershed.application.access;

import dev.watershed.domain.NotFoundException;

/** No team has this name. */
public class TeamNotFoundException extends NotFoundException {

    public TeamNotFoundException(String team) {
        super("TEAM_NOT_FOUND", "team '" + team + "' does not exist: create it with POST /api/v1/teams");
    }
}
