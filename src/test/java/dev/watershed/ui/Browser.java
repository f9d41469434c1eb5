package dev.watershed.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through ChromeDriver, for the web UI tests. Debian's {@code chromium} and
 * {@code chromium-driver} packages are required (CI installs them): without them the tests fail rather than skip.
 * {@code WATERSHED_CHROMIUM} and {@code WATERSHED_CHROMEDRIVER} point elsewhere when needed.
 */
final class Browser implements AutoCloseable {

    static final Dimension LAPTOP = new Dimension(1440, 900);
    static final Dimension LARGE_MONITOR = new Dimension(1920, 1080);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int MAX_SCREENSHOT_HEIGHT = 3200;

    private final ChromeDriver driver;
    private final Path profile;
    private final URL base;

    Browser(URL base) {
        this.base = base;
        Path chromium = Path.of(setting("WATERSHED_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("WATERSHED_CHROMEDRIVER", "/usr/bin/chromedriver"));
        assertThat(chromium)
                .as("Chromium for the browser tests (apt-get install chromium)")
                .isExecutable();
        assertThat(chromedriver)
                .as("ChromeDriver for the browser tests (apt-get install chromium-driver)")
                .isExecutable();
        try {
            profile = Files.createTempDirectory("watershed-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + LAPTOP.width + "," + LAPTOP.height,
                "--force-device-scale-factor=1",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(LAPTOP);
        // Records every Content-Security-Policy violation of each page, from before the page's own scripts run.
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__violations = [];"
                                + " document.addEventListener('securitypolicyviolation', e => window.__violations.push("
                                + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));"));
    }

    /** The Content-Security-Policy violations of the page shown now (reset by each page load). */
    List<String> policyViolations() {
        Object violations = ((JavascriptExecutor) driver).executeScript("return window.__violations || []");
        return ((List<?>) violations).stream().map(String::valueOf).toList();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return waitFor(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    /** Waits until the element's text contains {@code text}, and returns that text. */
    String waitForText(String css, String text) {
        return waitFor(d -> {
            String found = d.findElement(By.cssSelector(css)).getText();
            return found.contains(text) ? found : null;
        });
    }

    String path() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.pathname + location.search");
    }

    /**
     * Saves the whole page (the window is stretched to the page's height for the shot) as
     * target/screenshots/NAME.png.
     */
    Path screenshot(String name, Dimension window) {
        driver.manage().window().setSize(window);
        // The window includes the browser's own frame: add it so that the page's full height fits the viewport.
        List<?> sizes = (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return [Math.ceil("
                        + "document.documentElement.scrollHeight), window.outerHeight - window.innerHeight]");
        long height = ((Number) sizes.get(0)).longValue() + ((Number) sizes.get(1)).longValue();
        driver.manage().window().setSize(new Dimension(window.width, (int)
                Math.min(MAX_SCREENSHOT_HEIGHT, Math.max(window.height, height))));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(LAPTOP);
        }
    }

    Path screenshot(String name) {
        return screenshot(name, LAPTOP);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless; the test result is what matters.
            }
        }
    }
}
