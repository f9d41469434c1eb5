package dev.watershed.adapter.rest;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every list endpoint refuses a paging value it cannot honour instead of quietly serving another page. */
@QuarkusTest
class PagingTest {

    @Test
    void everyListEndpointRefusesBadPagingValuesNamingTheParameter() {
        String team = Api.createTeam();
        String asset = Api.createAsset(team, "SOURCE");
        Api.publish(asset, Map.of("type", "object"), 201);
        // watershed.limits.max-page-size is 500; the timeline's own maximum (watershed.timeline.max-limit) 1000.
        Map<String, String> tooLarge = Map.of(
                "/api/v1/assets",
                "501",
                "/api/v1/lineage",
                "501",
                "/api/v1/assets/" + asset + "/observations",
                "501",
                "/api/v1/assets/" + asset + "/drift",
                "501",
                "/api/v1/assets/" + asset + "/timeline",
                "1001",
                "/api/v1/deliveries",
                "501",
                "/api/v1/notifications?team=" + team + "&x=",
                "501");
        tooLarge.forEach((endpoint, overMax) -> {
            for (String limit : List.of("-1", "0", overMax, "ten", "1.5", "99999999999")) {
                refused(endpoint, "limit", limit);
            }
            asAdmin().get(withParameter(endpoint, "limit", "1")).then().statusCode(200);
        });
        for (String offset : List.of("-1", "x", "99999999999")) {
            refused("/api/v1/assets", "offset", offset);
        }
        asAdmin().get("/api/v1/assets?limit=1&offset=0").then().statusCode(200).body("limit", equalTo(1));
        asAdmin().get("/api/v1/assets?limit=&offset=").then().statusCode(200).body("limit", equalTo(50));
    }

    private static void refused(String endpoint, String parameter, String value) {
        asAdmin()
                .get(withParameter(endpoint, parameter, value))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_INPUT"))
                .body("pointer", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    private static String withParameter(String endpoint, String parameter, String value) {
        return endpoint + (endpoint.contains("?") ? "&" : "?") + parameter + "=" + value;
    }
}
