package dev.watershed.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.application.access.TeamNotFoundException;
import dev.watershed.application.access.TokenNotFoundException;
import dev.watershed.application.asset.AssetNotFoundException;
import dev.watershed.application.contract.ContractVersionNotFoundException;
import dev.watershed.application.dependency.DependencyNotFoundException;
import dev.watershed.application.drift.BaselineNotFoundException;
import dev.watershed.application.notification.DeliveryNotFoundException;
import dev.watershed.application.notification.NotificationNotFoundException;
import dev.watershed.application.notification.SubscriptionNotFoundException;
import dev.watershed.application.validation.ObservationNotFoundException;
import dev.watershed.domain.contract.SemanticVersion;
import org.junit.jupiter.api.Test;

/** The {@code detail} of each 404 a client sees: which one was asked for, and where to look instead. */
class NotFoundDetailsTest {

    @Test
    void assetsAndTheirParts() {
        assertThat(new AssetNotFoundException("orders").detail())
                .isEqualTo("asset 'orders' does not exist: list assets with GET /api/v1/assets");
        assertThat(new ContractVersionNotFoundException("orders", "1.2.0").detail())
                .isEqualTo("asset 'orders' has no"
                        + " contract version 1.2.0: list them with GET /api/v1/assets/orders/contracts");
        assertThat(ContractVersionNotFoundException.noContractYet("orders").detail())
                .isEqualTo("asset 'orders' has"
                        + " no contract yet: publish one with POST /api/v1/assets/orders/contracts");
        assertThat(ContractVersionNotFoundException.toRollBackTo("orders", SemanticVersion.parse("1.0.0"))
                        .detail())
                .isEqualTo("asset 'orders' has no contract version 1.0.0 to roll back to: list them with"
                        + " GET /api/v1/assets/orders/contracts");
        assertThat(new DependencyNotFoundException("model", "orders").detail())
                .isEqualTo("asset 'model' does not"
                        + " depend on 'orders': list its dependencies with GET /api/v1/assets/model/dependencies");
        assertThat(new ObservationNotFoundException("orders", "7").detail())
                .isEqualTo("asset 'orders' has no"
                        + " observation 7: list them with GET /api/v1/assets/orders/observations");
        assertThat(new BaselineNotFoundException("orders", "x").detail())
                .isEqualTo("asset 'orders' has no baseline" + " x: list them with GET /api/v1/assets/orders/baselines");
    }

    @Test
    void teamsTokensAndNotifications() {
        assertThat(new TeamNotFoundException("payments").detail())
                .isEqualTo("team 'payments' does not exist: create it with POST /api/v1/teams");
        assertThat(new TokenNotFoundException("abc").detail()).isEqualTo("token 'abc' does not exist");
        assertThat(new SubscriptionNotFoundException(3).detail())
                .isEqualTo(
                        "subscription 3 does not exist: list a" + " team's with GET /api/v1/subscriptions?team=<name>");
        assertThat(new DeliveryNotFoundException(4).detail())
                .isEqualTo("delivery 4 does not exist: list them with GET /api/v1/deliveries");
        assertThat(new NotificationNotFoundException(5).detail()).isEqualTo("notification 5 does not exist");
    }
}
