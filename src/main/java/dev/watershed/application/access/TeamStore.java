package dev.watershed.application.access;

import dev.watershed.domain.asset.Team;
import java.util.List;
import java.util.Optional;

/** Where teams are kept. */
public interface TeamStore {

    Optional<Team> find(String name);

    /** All teams, by name. */
    List<Team> all();

    void insert(Team team);
}
