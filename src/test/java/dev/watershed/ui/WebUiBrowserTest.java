package dev.watershed.ui;

import static dev.watershed.adapter.rest.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.watershed.adapter.rest.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real headless Chromium against the running application: the example estate loaded at start
 * (hospital.* and retail.*) plus assets each test creates under unique names. Each view is saved as a screenshot
 * under target/screenshots/.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {

    private static final Map<String, Object> PAYMENT_V1 = Api.objectSchema(
            Map.of(
                    "id", Map.of("type", "string"),
                    "amount", Map.of("type", "number", "description", "Amount in EUR")),
            List.of("id", "amount"));

    @TestHTTPResource("/")
    URL root;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new Browser(root);
        }
    }

    /** The UI works within its Content-Security-Policy: nothing it does is blocked. */
    @AfterEach
    void noPolicyViolations() {
        if (browser != null) {
            assertThat(browser.policyViolations())
                    .as("Content-Security-Policy violations")
                    .isEmpty();
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void searchesTheCatalogAndOpensAnAsset() {
        browser.open("/");
        browser.waitForText("#asset-list", "hospital.admissions");
        assertThat(browser.find("#result-count").getText()).matches("\\d+ assets( — showing 1–\\d+)?");
        assertThat(new Select(browser.find("#filter-kind")).getOptions())
                .extracting(WebElement::getText)
                .anySatisfy(option -> assertThat(option).matches("MODEL \\(\\d+\\)"));
        browser.screenshot("catalog");
        browser.screenshot("catalog-large-monitor", Browser.LARGE_MONITOR);

        WebElement search = browser.find("#filter-q");
        search.sendKeys("readmission", Keys.ENTER);
        browser.waitFor(d -> d.getCurrentUrl().contains("q=readmission"));
        String results = browser.waitForText("#asset-list", "hospital.readmission-model");
        assertThat(results).contains("hospital.readmission-features").doesNotContain("retail.sales");
        assertThat(browser.find("#kind-facets").getText().toLowerCase()).contains("model 1", "feature 1");
        new Select(browser.find("#filter-kind")).selectByValue("MODEL");
        browser.waitFor(d -> d.getCurrentUrl().contains("kind=MODEL"));
        browser.waitFor(d -> !d.findElement(By.id("asset-list")).getText().contains("readmission-features"));
        assertThat(browser.find("#result-count").getText()).isEqualTo("1 asset");
        browser.screenshot("catalog-search");

        browser.find("#asset-list a.asset-link").click();
        browser.waitFor(d -> browser.path().equals("/assets/hospital.readmission-model"));
        assertThat(browser.find("h1").getText()).isEqualTo("hospital.readmission-model");
        browser.waitForText("#fields-table", "/risk_score");
        assertThat(browser.find("#fields-table").getText()).contains("Probability of readmission within 30 days");
        String producers = browser.waitForText("#producers-table", "hospital.readmission-features");
        assertThat(producers).contains("/age_bucket");
        browser.screenshot("asset");
    }

    @Test
    void worksWithTheKeyboardAlone() {
        browser.open("/");
        browser.waitForText("#asset-list", "hospital.admissions");
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getText()).isEqualTo("Skip to content");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> "main".equals(focused().getAttribute("id")));
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getAttribute("id")).isEqualTo("filter-q");
        keys.sendKeys("vital-signs", Keys.ENTER).perform();
        browser.waitFor(d -> d.getCurrentUrl().contains("q=vital-signs"));
        browser.waitForText("#result-count", "1 asset");
        assertThat(focused().getAttribute("id"))
                .as("focus stays in the search box")
                .isEqualTo("filter-q");
        for (int i = 0; i < 40 && !"hospital.vital-signs".equals(focused().getText()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focused().getText()).isEqualTo("hospital.vital-signs");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> browser.path().equals("/assets/hospital.vital-signs"));
        browser.waitForText("#fields-table", "/heart_rate");
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    @Test
    void showsFindingsCostBenefitSkewAndTheTimelineOfTheExampleEstate() {
        browser.open("/health");
        String findings = browser.waitForText("#findings", "SERVING_UNAVAILABLE_FIELD");
        assertThat(findings)
                .contains("hospital.readmission-model", "/followup_visits_30d", "SPLIT_WITHOUT_KEY", "What to do:");
        String costBenefit = browser.waitForText("#cost-benefit-table", "weather.daily");
        assertThat(costBenefit).contains("candidate", "USD/month");
        browser.screenshot("health");
        new Select(browser.find("#health-severity")).selectByValue("ERROR");
        browser.waitFor(d -> d.getCurrentUrl().contains("severity=ERROR"));
        browser.waitFor(d -> !d.findElement(By.id("findings")).getText().contains("SPLIT_WITHOUT_KEY"));
        assertThat(browser.find("#findings").getText()).contains("SERVING_UNAVAILABLE_FIELD");

        browser.open("/assets/retail.demand-holdout");
        String holdout = browser.waitForText("#asset-findings", "SPLIT_WITHOUT_KEY");
        assertThat(holdout)
                .as("the evaluation path beside the training path")
                .contains(
                        "Path: retail.sales → retail.demand-features → retail.demand-forecast",
                        "Also: retail.sales → retail.demand-holdout → retail.demand-forecast");

        browser.open("/assets/hospital.readmission-model");
        browser.waitForText("#asset-findings", "SERVING_UNAVAILABLE_FIELD");
        String skew = browser.waitForText("#skew", "/mean_heart_rate");
        assertThat(skew).contains("Skewed between training and serving", "hospital.readmission-features");
        WebElement skewedRow = browser.driver().findElements(By.cssSelector("#skew tr")).stream()
                .filter(row -> row.getText().startsWith("/mean_heart_rate"))
                .findFirst()
                .orElseThrow();
        assertThat(skewedRow.getText()).contains("Jensen-Shannon", "SKEWED");
        browser.screenshot("asset-health");

        browser.open("/assets/retail.demand-forecast");
        String timeline = browser.waitForText("#timeline-table", "retail.promotions 1.1.0");
        assertThat(timeline).contains("contract.published", "/discount", "retail.demand-features");
        browser.screenshot("asset-timeline");
    }

    @Test
    void deepLinksLoadTheApp() {
        browser.open("/assets/retail.sales");
        browser.waitForText("h1", "retail.sales");
        browser.waitForText("#fields-table", "fields in version");
        browser.open("/lineage/retail.sales");
        browser.waitForText("h1", "Lineage of retail.sales");
        browser.open("/what-if/retail.sales");
        browser.waitForText("h1", "What-if: a new schema for retail.sales");
        assertThat(browser.find("#whatif-format").getAttribute("value")).isEqualTo("AVRO");
    }

    @Test
    void comparesTwoVersionsAndHighlightsBreakingDifferences() {
        String team = Api.createTeam();
        String asset = Api.unique("ui.payments");
        asAdmin()
                .body(Map.of(
                        "name",
                        asset,
                        "kind",
                        "SOURCE",
                        "owner",
                        team,
                        "compatibility",
                        "NONE",
                        "description",
                        "Payments, with a breaking change between versions"))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        // The catalog shows no compatibility mode for an asset without a contract: there is nothing it guards yet.
        browser.open("/?q=" + asset);
        assertThat(browser.waitForText("#asset-list", asset))
                .contains("No contract")
                .doesNotContain("Mode:");
        Api.publish(asset, PAYMENT_V1, 201);
        Api.publish(
                asset,
                Api.objectSchema(
                        Map.of(
                                "id",
                                Map.of("type", "string"),
                                "amount",
                                Map.of("type", "number", "description", "Amount in EUR"),
                                "note",
                                Map.of("type", "string")),
                        List.of("id", "amount")),
                201);
        Api.publish(
                asset,
                Api.objectSchema(
                        Map.of(
                                "id",
                                Map.of("type", "string"),
                                "amount",
                                Map.of("type", "string"),
                                "note",
                                Map.of("type", "string")),
                        List.of("id", "amount")),
                201);

        browser.open("/assets/" + asset);
        assertThat(browser.waitForText("#versions-table", "2.0.0"))
                .contains("1.1.0")
                .contains("1.0.0");
        new Select(browser.find("#diff-from")).selectByValue("1.0.0");
        new Select(browser.find("#diff-to")).selectByValue("2.0.0");
        browser.find("#diff-submit").click();
        browser.waitForText("#diff-result", "Differences from 1.0.0 to 2.0.0");
        List<WebElement> breaking = browser.driver().findElements(By.cssSelector("#diff-result tr.breaking"));
        assertThat(breaking)
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("TYPE_CHANGED").contains("/amount"));
        assertThat(browser.find("#diff-result").getText())
                .contains("PROPERTY_ADDED")
                .contains("Compatible under NONE")
                .contains("0 breaking under NONE")
                .contains("Published as 2.0.0: a MAJOR version after 1.0.0");
        assertThat(browser.path()).contains("from=1.0.0").contains("to=2.0.0");
        browser.screenshot("asset-diff");
    }

    @Test
    void chartsTheRecordedValidationObservationsOfAnAsset() {
        String team = Api.createTeam();
        String asset = Api.createAsset(team, "SOURCE");
        Api.publish(asset, PAYMENT_V1, 201);

        browser.open("/assets/" + asset);
        assertThat(browser.waitForText("#observations-empty", "No validation observations recorded yet"))
                .contains("POST /api/v1/assets/" + asset + "/validate?label=training");
        assertThat(browser.driver().findElements(By.cssSelector("#observations svg")))
                .isEmpty();

        validate(
                asset,
                "training",
                "{\"id\":\"a\",\"amount\":10}\n{\"id\":\"b\",\"amount\":20}\n"
                        + "{\"id\":\"c\",\"amount\":30}\n{\"id\":\"d\"}\n");
        validate(asset, "serving", "{\"id\":\"e\",\"amount\":5}\n{\"id\":\"f\",\"amount\":15}\n");

        browser.open("/assets/" + asset);
        browser.waitForText("#observations-count", "2 observations");
        List<String> rows = browser.driver().findElements(By.cssSelector("#observations-table tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("training", "1.0.0", "4", "3", "1", "25%");
        assertThat(rows.get(1)).contains("serving", "2", "0%");
        assertThat(browser.driver().findElements(By.cssSelector("#observations figure.chart svg circle")))
                .isNotEmpty();
        assertThat(new Select(browser.find("#obs-label")).getOptions())
                .extracting(WebElement::getText)
                .contains("All labels", "training", "serving");

        new Select(browser.find("#obs-field")).selectByValue("/amount");
        String stats = browser.waitForText("#obs-field-table", "Statistics of /amount");
        List<String> statRows = browser.driver().findElements(By.cssSelector("#obs-field-table tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(statRows.get(0)).contains("training", "20", "10", "30");
        assertThat(statRows.get(1)).contains("serving", "10", "5", "15");
        assertThat(stats).contains("p50", "p95");
        assertThat(browser.find("#obs-field-result figcaption").getText())
                .isEqualTo("/amount: mean and p5 / p50 / p95");
        browser.screenshot("asset-observations");

        new Select(browser.find("#obs-label")).selectByValue("serving");
        browser.waitForText("#observations-count", "1 observation labelled serving");
        assertThat(browser.find("#observations-table").getText()).doesNotContain("training");
    }

    private static void validate(String asset, String label, String ndjson) {
        asAdmin()
                .contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/assets/" + asset + "/validate?label=" + label)
                .then()
                .statusCode(200);
    }

    @Test
    void showsTheUpstreamSourcesOfAModelAndWhatAFieldImpacts() {
        browser.open("/assets/hospital.readmission-model");
        browser.find("a[href='/lineage/hospital.readmission-model']").click();
        browser.waitFor(d -> browser.path().startsWith("/lineage/hospital.readmission-model"));
        new Select(browser.find("#lineage-direction")).selectByValue("upstream");
        browser.waitFor(d -> browser.path().contains("direction=upstream"));
        String nodes = browser.waitForText("#lineage-nodes", "hospital.admissions");
        assertThat(nodes)
                .contains("hospital.readmission-features", "hospital.vital-signs", "hospital.lab-results")
                .doesNotContain("retail.");
        assertThat(browser.find("#lineage-edges").getText())
                .contains("hospital.readmission-features → hospital.readmission-model");
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("#lineage-graph canvas")).isEmpty());
        browser.screenshot("lineage");

        browser.find("#lineage-filter").sendKeys("vital");
        List<String> visible = browser.driver().findElements(By.cssSelector("#lineage-nodes li")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
        assertThat(visible).hasSize(1).allSatisfy(text -> assertThat(text).startsWith("hospital.vital-signs"));

        browser.open("/lineage/hospital.admissions?direction=downstream&depth=3");
        browser.waitForText("#lineage-nodes", "hospital.readmission-model");
        browser.find("#impact-fields").sendKeys("/hospital_name");
        browser.find("#impact-submit").click();
        String impacted = browser.waitForText("#impact-result", "affected by a change to /hospital_name");
        assertThat(impacted).contains("hospital.readmission-features", "hospital.readmission-model");
        browser.screenshot("lineage-impact");
    }

    @Test
    void showsAnEdgeObservedInAnOpenLineageRunWithItsJobAndTheDatasetsNoAssetDeclares() {
        String team = Api.createTeam();
        String namespace = Api.unique("ui-warehouse");
        String producer = lineageAsset(team, "SOURCE", namespace);
        String consumer = lineageAsset(team, "DATASET", namespace);
        String unmatched = Api.unique("ui.staging");
        asAdmin()
                .body(Map.of(
                        "eventType",
                        "COMPLETE",
                        "eventTime",
                        "2026-06-01T10:00:00Z",
                        "run",
                        Map.of("runId", UUID.randomUUID().toString()),
                        "job",
                        Map.of("namespace", "etl", "name", "load"),
                        "inputs",
                        List.of(
                                Map.of("namespace", namespace, "name", producer),
                                Map.of("namespace", namespace, "name", unmatched)),
                        "outputs",
                        List.of(Map.of("namespace", namespace, "name", consumer)),
                        "producer",
                        "https://example.org/watershed-ui-test",
                        "schemaURL",
                        "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"))
                .post("/api/v1/lineage")
                .then()
                .statusCode(201);

        browser.open("/lineage/" + consumer + "?direction=upstream");
        String edges = browser.waitForText("#lineage-edges", "observed by etl/load");
        assertThat(edges)
                .contains(producer + " → " + consumer, "observed by etl/load, 1 run", "last seen")
                .doesNotContain("declared", "null");
        assertThat(browser.find("#edge-legend").getText()).contains("declared", "observed only");
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("#lineage-graph canvas")).isEmpty());
        browser.screenshot("lineage-observed");

        browser.open("/lineage");
        String datasets = browser.waitForText("#unmatched-datasets", unmatched);
        assertThat(datasets).contains(namespace, "etl/load", "lineageIds", "POST /api/v1/assets");
        assertThat(datasets).doesNotContain(producer, consumer);
        browser.screenshot("lineage-unmatched-datasets");
    }

    /** An asset OpenLineage knows as the dataset of the same name in namespace. */
    private static String lineageAsset(String team, String kind, String namespace) {
        String name = Api.unique("ui.lineage");
        asAdmin()
                .body(Map.of(
                        "name",
                        name,
                        "kind",
                        kind,
                        "owner",
                        team,
                        "lineageIds",
                        List.of(Map.of("namespace", namespace, "name", name))))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        return name;
    }

    @Test
    void showsATeamsInboxWithWhyItIsToldAndMarksANotificationRead() {
        String producerTeam = Api.createTeam();
        String producer = Api.unique("ui.orders");
        asAdmin()
                .body(Map.of("name", producer, "kind", "SOURCE", "owner", producerTeam, "compatibility", "NONE"))
                .post("/api/v1/assets")
                .then()
                .statusCode(201);
        Api.publish(producer, PAYMENT_V1, 201);
        String consumerTeam = Api.createTeam();
        String consumer = Api.createAsset(consumerTeam, "FEATURE");
        Api.publish(consumer, Api.objectSchema(Map.of("total", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("fields", List.of("amount"), "usage", "TRAINING"))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);
        // A webhook nobody listens on (a loopback port just closed): its delivery fails, and the inbox says so.
        asAdmin()
                .body(Map.of(
                        "team",
                        consumerTeam,
                        "events",
                        List.of("contract.published"),
                        "channel",
                        "WEBHOOK",
                        "target",
                        "http://127.0.0.1:" + closedPort() + "/hook",
                        "secret",
                        "a-secret-of-enough-length"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
        Api.publish(
                producer,
                Api.objectSchema(
                        Map.of("id", Map.of("type", "string"), "amount", Map.of("type", "string")),
                        List.of("id", "amount")),
                201);

        browser.open("/inbox/" + consumerTeam);
        browser.waitForText("h1", "Inbox of " + consumerTeam);
        String list = browser.waitForText("#inbox-list", producer);
        assertThat(list)
                .contains(
                        "Contract published",
                        "contract.published",
                        "1.0.0 → 2.0.0",
                        "MAJOR",
                        "breaking",
                        producer + " → " + consumer,
                        "/amount",
                        "UNREAD",
                        "Mark read");
        assertThat(browser.find("#inbox-count").getText()).isEqualTo("1 notification, 1 unread");
        assertThat(new Select(browser.find("#inbox-team"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(consumerTeam);
        assertThat(browser.find("#inbox-list a.asset-link").getAttribute("href"))
                .endsWith("/assets/" + producer);
        assertThat(browser.find("a[data-nav='inbox']").getAttribute("aria-current"))
                .isEqualTo("page");
        browser.screenshot("inbox");

        browser.find("#inbox-token-forget").click();
        browser.find("#inbox-list button.mark-read").click();
        browser.waitForText("#inbox-feedback", "Marking read needs an API token");
        assertThat(focused().getAttribute("id")).isEqualTo("inbox-token");
        browser.find("#inbox-token").sendKeys(Api.editorToken(consumerTeam));
        browser.find("#inbox-list button.mark-read").click();
        browser.waitForText("#inbox-feedback", "Marked read");
        assertThat(browser.find("#inbox-list tbody tr").getText())
                .contains("READ")
                .doesNotContain("UNREAD")
                .doesNotContain("Mark read");
        asAdmin()
                .get("/api/v1/notifications?unread=true&team=" + consumerTeam)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        // Badges are upper-cased by the style sheet, and Selenium reads the text as shown.
        browser.waitFor(d -> {
            browser.find("#deliveries-show").click();
            String shown = browser.find("#deliveries-result").getText().toLowerCase();
            return shown.contains("retrying") || shown.contains("dead letter");
        });
        assertThat(browser.find("#deliveries-table").getText()).contains("contract.published", "WEBHOOK", producer);

        browser.find("#inbox-unread").click();
        browser.waitFor(d -> browser.path().equals("/inbox/" + consumerTeam + "?unread=true"));
        browser.waitForText("#inbox-results", "No unread notifications for " + consumerTeam);
        assertThat(focused().getAttribute("id"))
                .as("focus stays on the checkbox")
                .isEqualTo("inbox-unread");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void checksACandidateSchemaBeforePublishing() throws IOException {
        String team = Api.createTeam();
        String producer = Api.createAsset(team, "SOURCE");
        Api.publish(producer, PAYMENT_V1, 201);
        String consumer = Api.createAsset(team, "FEATURE");
        Api.publish(consumer, Api.objectSchema(Map.of("total", Map.of("type", "number")), List.of()), 201);
        asAdmin()
                .body(Map.of("fields", List.of("amount"), "usage", "TRAINING"))
                .put("/api/v1/assets/" + consumer + "/dependencies/" + producer)
                .then()
                .statusCode(201);

        browser.open("/what-if/" + producer);
        WebElement schema = browser.find("#whatif-schema");
        browser.waitFor(d -> schema.getAttribute("value").contains("amount"));
        String breaking = "{\"type\":\"object\",\"required\":[\"id\",\"amount\"],"
                + "\"properties\":{\"id\":{\"type\":\"string\"},\"amount\":{\"type\":\"string\"}}}";
        schema.clear();
        schema.sendKeys(breaking);
        browser.find("#whatif-submit").click();
        String result = browser.waitForText("#whatif-result", "Affected consumers");
        assertThat(result).contains("Breaking under BACKWARD").contains("MAJOR").contains("TYPE_CHANGED");
        assertThat(browser.find("#whatif-version").getText()).isEqualTo("1.0.0 → 2.0.0");
        assertThat(browser.waitForText("#whatif-result", consumer)).contains("1 affected");
        browser.screenshot("what-if");

        Path upload = Files.createTempFile("candidate-", ".json");
        Files.writeString(
                upload,
                "{\"type\":\"object\",\"required\":[\"id\",\"amount\"],\"properties\":{"
                        + "\"id\":{\"type\":\"string\"},\"amount\":{\"type\":\"number\",\"description\":\"Amount in EUR\"},"
                        + "\"currency\":{\"type\":\"string\"}}}");
        browser.find("#whatif-file").sendKeys(upload.toAbsolutePath().toString());
        browser.waitFor(d -> schema.getAttribute("value").contains("currency"));
        browser.find("#whatif-submit").click();
        browser.waitForText("#whatif-version", "1.0.0 → 1.1.0");
        assertThat(browser.find("#whatif-result").getText())
                .contains("Compatible under BACKWARD")
                .contains("PROPERTY_ADDED")
                .contains("MINOR");
        Files.delete(upload);
    }
}
