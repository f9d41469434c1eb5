package dev.watershed.adapter.persistence;

import dev.watershed.application.access.TeamStore;
import dev.watershed.domain.asset.Team;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TeamRepository implements PanacheRepository<TeamEntity>, TeamStore {

    @Override
    public Optional<Team> find(String name) {
        return find("name", name).firstResultOptional().map(TeamEntity::toDomain);
    }

    @Override
    public List<Team> all() {
        return listAll(Sort.by("name")).stream().map(TeamEntity::toDomain).toList();
    }

    @Override
    public void insert(Team team) {
        TeamEntity entity = new TeamEntity();
        entity.name = team.name();
        entity.email = team.email();
        entity.webhook = team.webhook();
        entity.createdAt = team.createdAt();
        persist(entity);
    }
}
