package dev.watershed.application.access;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.Sha256;
import dev.watershed.domain.auth.AuthenticationRequiredException;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.auth.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Issues, checks and revokes the bearer tokens that guard every change. */
@ApplicationScoped
public class TokenService {

    private static final String PREFIX = "wst_";
    private static final int MAX_NAME = 200;
    private static final int MAX_AUTHOR = 300;

    private final TokenStore tokens;
    private final TeamStore teams;
    private final WatershedConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(TokenStore tokens, TeamStore teams, WatershedConfig config, Clock clock) {
        this.tokens = tokens;
        this.teams = teams;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(Caller caller, String team, Role role, String name) {
        caller.requireAdmin("issue tokens");
        if (role == null) {
            throw new InvalidInputException("/role", "role is required: ADMIN or EDITOR");
        }
        if (team == null || teams.find(team).isEmpty()) {
            throw new InvalidInputException(
                    "/team", "team '" + team + "' does not exist: a token acts for an" + " existing team");
        }
        // Changes record their author as "<team>/<token name>", in columns of MAX_AUTHOR characters.
        int longest = Math.min(MAX_NAME, MAX_AUTHOR - team.length() - 1);
        if (name != null && name.length() > longest) {
            throw new InvalidInputException(
                    "/name",
                    "name is longer than " + longest + " characters, the most a" + " token of team '" + team
                            + "' may have");
        }
        return create(team, role, name == null ? team + "-" + role.name().toLowerCase() : name, caller.label());
    }

    /**
     * Creates an admin token when the registry would otherwise have no way in: no bootstrap token is configured and
     * no active token exists.
     *
     * @return the new token, or empty when one was not needed
     */
    @Transactional
    public Optional<IssuedToken> createFirstAdminTokenIfNeeded() {
        if (config.auth().bootstrapToken().isPresent() || tokens.countActive() > 0) {
            return Optional.empty();
        }
        return Optional.of(create(null, Role.ADMIN, "first-start-admin", "watershed"));
    }

    @Transactional
    public void revoke(Caller caller, String id) {
        caller.requireAdmin("revoke tokens");
        StoredToken token = tokens.find(id).orElseThrow(() -> new TokenNotFoundException(id));
        if (token.revokedAt() == null) {
            tokens.revoke(token.id());
        }
    }

    /**
     * @param bearer the secret from an {@code Authorization: Bearer} header
     * @return who it belongs to; an unknown or revoked token is refused, never treated as anonymous
     */
    public Caller authenticate(String bearer) {
        Optional<String> bootstrap = config.auth().bootstrapToken().filter(secret -> !secret.isBlank());
        if (bootstrap.isPresent()
                && MessageDigest.isEqual(
                        bootstrap.get().getBytes(StandardCharsets.UTF_8), bearer.getBytes(StandardCharsets.UTF_8))) {
            return new Caller("bootstrap", "bootstrap-admin", null, Role.ADMIN);
        }
        return tokens.findActiveByHash(hash(bearer))
                .map(token -> new Caller(token.id(), token.name(), token.team(), token.role()))
                .orElseThrow(() -> new AuthenticationRequiredException(
                        "the bearer token is unknown or revoked:" + " ask an admin for a new one"));
    }

    private IssuedToken create(String team, Role role, String name, String createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        StoredToken token = new StoredToken(
                UUID.randomUUID().toString(), name, team, role, hash(secret), clock.instant(), createdBy, null);
        tokens.insert(token);
        return new IssuedToken(token, secret);
    }

    private static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
