package dev.watershed.adapter.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The UI's deep links load the app's page, without shadowing the API, its 404s or the UI's own files. */
@QuarkusTest
class UiPageResourceTest {

    @Test
    void servesTheAppAtTheRootAndAtDeepLinks() {
        for (String path : new String[] {
            "/",
            "/assets/hospital.admissions",
            "/lineage",
            "/lineage/retail.sales",
            "/what-if",
            "/what-if/retail.sales",
            "/inbox",
            "/inbox/retail",
            "/health"
        }) {
            given().get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/html"))
                    .body(containsString("<title>Watershed</title>"));
        }
    }

    @Test
    void leavesTheApiAndItsErrorsAlone() {
        given().get("/api/v1/assets/hospital.admissions")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("name", equalTo("hospital.admissions"));
        given().get("/api/v1/assets/no.such-asset").then().statusCode(404).body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/no-such-endpoint").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void servesTheBuiltScriptsAndStyles() {
        String page = given().get("/").then().extract().asString();
        Matcher script = Pattern.compile("src=\"(/static/[^\"]+\\.js)\"").matcher(page);
        assertThat(script.find()).as("script tag in %s", page).isTrue();
        given().get(script.group(1)).then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void pagesAreRevalidatedOnEveryLoadAndBuiltFilesAreImmutable() {
        for (String path : new String[] {"/", "/index.html", "/assets/hospital.admissions", "/lineage"}) {
            given().get(path).then().statusCode(200).header("Cache-Control", "no-cache");
        }
        String lastModified = given().get("/").then().extract().header("Last-Modified");
        given().header("If-Modified-Since", lastModified)
                .get("/")
                .then()
                .statusCode(304)
                .header("Cache-Control", "no-cache");

        String page = given().get("/").then().extract().asString();
        Matcher script = Pattern.compile("src=\"(/static/[^\"]+\\.js)\"").matcher(page);
        assertThat(script.find()).isTrue();
        given().get(script.group(1))
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void theUiIsServedUnderAStrictContentSecurityPolicyAndNoResponseCanBeFramedOrSniffed() {
        for (String path : new String[] {"/", "/assets/hospital.admissions"}) {
            String policy = given().get(path)
                    .then()
                    .statusCode(200)
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .extract()
                    .header("Content-Security-Policy");
            assertThat(policy)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
        }
        for (String path :
                new String[] {"/api/v1/assets/hospital.admissions", "/api/v1/no-such-endpoint", "/q/health"}) {
            given().get(path).then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY");
        }
    }
}
