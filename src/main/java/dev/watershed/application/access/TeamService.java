package dev.watershed.application.access;

import dev.watershed.domain.ConflictException;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.Team;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.notification.WebhookTargetPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** Registers the teams that own assets. */
@ApplicationScoped
public class TeamService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The columns' sizes: longer values would fail in the database instead of being refused here. */
    private static final int MAX_EMAIL = 320;

    private static final int MAX_WEBHOOK = 2_000;

    private final TeamStore teams;
    private final WebhookTargetPolicy webhookTargets;
    private final Clock clock;

    public TeamService(TeamStore teams, WebhookTargetPolicy webhookTargets, Clock clock) {
        this.teams = teams;
        this.webhookTargets = webhookTargets;
        this.clock = clock;
    }

    @Transactional
    public Team create(Caller caller, String name, String email, String webhook) {
        caller.requireAdmin("create teams");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "/name",
                    "team name '" + name + "' is invalid: use lowercase letters,"
                            + " digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters");
        }
        if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(
                    "/email",
                    "email '" + shortened(email) + "' is not an email address of" + " at most " + MAX_EMAIL
                            + " characters");
        }
        if (webhook != null) {
            if (webhook.length() > MAX_WEBHOOK) {
                throw new InvalidInputException(
                        "/webhook",
                        "webhook has " + webhook.length() + " characters, more than the " + MAX_WEBHOOK
                                + " a webhook URL may have");
            }
            // The same address policy as subscriptions: the team webhook is sent by the same notifier.
            webhookTargets.check(webhook, "/webhook");
        }
        if (teams.find(name).isPresent()) {
            throw new ConflictException("TEAM_EXISTS", "team '" + name + "' already exists");
        }
        Team team = new Team(name, email, webhook, clock.instant());
        teams.insert(team);
        return team;
    }

    public Team get(String name) {
        return teams.find(name).orElseThrow(() -> notFound(name));
    }

    public List<Team> list() {
        return teams.all();
    }

    private static String shortened(String value) {
        return value == null || value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    static TeamNotFoundException notFound(String name) {
        return new TeamNotFoundException(name);
    }
}
