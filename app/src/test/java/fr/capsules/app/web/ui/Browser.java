package fr.capsules.app.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium driven through {@code /usr/bin/chromedriver}, pointed at the service
 * under test. Nothing is ever downloaded: the driver and browser are given by path, and Selenium
 * Manager is told to stay offline. One per test class; {@link #signOut} between tests.
 */
final class Browser implements AutoCloseable {

    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CAPSULES_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Why browser tests are skipped; {@link SkippedBrowserTestsBanner} looks for it. */
    static final String MISSING = "/usr/bin/chromium or /usr/bin/chromedriver is missing";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM);
    }

    private Browser(String base) {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            profile = Files.createTempDirectory("capsules-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=fr-FR", "--user-data-dir=" + profile);
        // The console, read by policyViolations(): the browser reports there what the Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        this.base = base;
    }

    static Browser start(int port) {
        return new Browser("http://localhost:" + port);
    }

    /** A browser pointed at the service at this address (e.g. {@code http://127.0.0.1:8080}). */
    static Browser at(String base) {
        return new Browser(base);
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** {@code http://localhost:PORT}: the origin pages are served from. */
    String origin() {
        return base;
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void signIn(String username) {
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys("demo");
        find("form button[type=submit]").click();
        waitUntil(d -> path().equals("/"));
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    WebElement find(String css) {
        return waitUntil(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return waitUntil(d -> d.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse(null));
    }

    /**
     * Waits for a condition, reading the page again when an element was replaced while it was read:
     * Selenium reports that as a stale element, or, when Chrome catches the replacement mid-read,
     * as an "unknown error" that the node "does not belong to the document".
     */
    <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /**
     * What the Content-Security-Policy refused since the last call, as the browser's console reported it (an inline
     * script or style, a remote resource). Reading empties the console.
     */
    java.util.List<String> policyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with the browser's session cookie, e.g. to download an export. */
    HttpResponse<byte[]> download(String path) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .GET()
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
