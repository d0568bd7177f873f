package io.github.pylonchat.samples.browsertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.github.pylonchat.samples.demosite.DemoSite;
import io.github.pylonchat.samples.demosite.DemoUsers;
import io.github.pylonchat.samples.demosite.DemoUsers.Account;
import io.github.pylonchat.testing.ReferenceHmac;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs a sample built on {@link DemoSite} on a random port and drives Debian's headless Chromium
 * through it: each demo user signs in with the login form, and the test reads what Pylon would read
 * from the live page. Each Spring Boot sample has a {@code BrowserEndToEndTest} that extends this
 * class in its application's package, where {@code @SpringBootTest} finds the application; so both
 * samples, whatever their template engine, pass exactly the same checks.
 *
 * <p>Pylon's widget host is replaced by a stub on another local origin (CI has no internet), set
 * as {@code pylon.chat.widget-url}; the sample's CSP follows that URL. Before each page is parsed,
 * a listener injected over the DevTools protocol (which the page's CSP does not restrict) records
 * every {@code securitypolicyviolation}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=" + AbstractBrowserEndToEndTest.APP_ID,
    "pylon.chat.identity-secret=" + AbstractBrowserEndToEndTest.SECRET})
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractBrowserEndToEndTest {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  /** The app id the sample runs with. */
  protected static final String APP_ID = "e2e-test-app";
  /** The secret the sample runs with: hex for the email hash, used as text in JWT mode. */
  protected static final String SECRET = "3a6f0c1e9b2d4f5a8c7e6d5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  private static final String CSP_VIOLATION_RECORDER = """
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', function (e) {
        window.cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ': ' + e.sample);
      });
      """;

  /**
   * Stands in for widget.usepylon.com: serves a script that marks the page when it runs. One per
   * test class, as each class (a sample in one mode) starts its own application.
   */
  private static HttpServer widgetHost;

  static final List<Account> ACCOUNTS = DemoUsers.ACCOUNTS;

  private static ChromeDriver browser;

  /** For the samples' subclasses. */
  protected AbstractBrowserEndToEndTest() {}

  @LocalServerPort
  private int port;

  @DynamicPropertySource
  static void widgetHost(DynamicPropertyRegistry properties) {
    properties.add("pylon.chat.widget-url", AbstractBrowserEndToEndTest::widgetUrl);
  }

  @BeforeAll
  static void startBrowser(@TempDir Path profile) throws IOException {
    widgetHost = startWidgetHost();
    for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(executable))) {
        fail(executable + " is missing: this test drives Debian's Chromium and never downloads a"
            + " browser or driver; install both with: apt-get install -y chromium chromium-driver");
      }
    }
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1200,900", "--user-data-dir=" + profile);
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE); // an alert stays open for us to see
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(driver, options);
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_VIOLATION_RECORDER));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    widgetHost.stop(0);
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  @ParameterizedTest
  @FieldSource("ACCOUNTS")
  void signedInUserGetsVerifiedChatSettingsAndThePylonWidget(Account account) throws Exception {
    signIn(account);

    Object settings = browser.executeScript("return window.pylon && window.pylon.chat_settings;");
    assertVerifiedChatSettings(account, (Map<?, ?>) settings);

    new WebDriverWait(browser, WAIT).until(page -> browser.executeScript("return window.pylonStubWidget;") != null);
    assertEquals(List.of(widgetUrl() + APP_ID), browser.executeScript(
        "return Array.from(document.querySelectorAll('script[src]'), s => s.src);"),
        "Pylon's loader inserted the widget script");
    assertEquals("/widget/" + APP_ID, browser.executeScript("return window.pylonStubWidget;"),
        "the widget script ran under the page's CSP");
    assertEquals(3L, browser.executeScript("return document.scripts.length;"),
        "only the settings script, the loader and the widget: user text added no script");
    assertEquals(account.displayName(), browser.executeScript(
        "return document.querySelector('header strong').textContent;"), "the name is shown as text");
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no alert dialog");
    assertEquals(List.of(), browser.executeScript("return window.cspViolations;"), "no CSP violation");
    screenshot(account.username());

    browser.findElement(By.id("sign-out")).click();
    new WebDriverWait(browser, WAIT).until(page -> browser.getCurrentUrl().contains("signed-out"));
    assertEquals("undefined", browser.executeScript("return typeof window.pylon;"), "no chat after signing out");
    assertEquals(0L, browser.executeScript("return document.scripts.length;"));
  }

  /**
   * Asserts the {@code chat_settings} the live page gives Pylon for {@code account}: here its email
   * and name with the {@code email_hash} of exactly that email; a sample run in another mode
   * overrides this.
   */
  protected void assertVerifiedChatSettings(Account account, Map<?, ?> settings) {
    assertEquals(Map.of(
        "app_id", APP_ID,
        "email", account.email(),
        "name", account.displayName(),
        "email_hash", ReferenceHmac.emailHash(SECRET, account.email())), settings);
  }

  @Test
  void visitorWhoIsNotSignedInGetsNoChat() throws IOException {
    for (String path : List.of("/", "/login")) {
      browser.get(baseUrl() + path);
      assertEquals("undefined", browser.executeScript("return typeof window.pylon;"), path);
      assertEquals(0L, browser.executeScript("return document.scripts.length;"), path);
      assertEquals(List.of(), browser.executeScript("return window.cspViolations;"), path);
    }
    screenshot("login-page");
  }

  @Test
  void scriptWithoutTheNonceIsBlockedSeenAndReportedToTheSample(CapturedOutput log) {
    browser.get(baseUrl() + "/");
    browser.executeScript("""
        var script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.body.appendChild(script);
        """);
    new WebDriverWait(browser, WAIT).until(page -> !((List<?>) browser.executeScript("return window.cspViolations;")).isEmpty());
    assertEquals("undefined", browser.executeScript("return typeof window.injected;"), "the script did not run");
    assertTrue(browser.executeScript("return window.cspViolations[0];").toString().startsWith("script-src"),
        browser.executeScript("return window.cspViolations;").toString());
    new WebDriverWait(browser, WAIT).until(page -> log.getOut().contains("Content-Security-Policy violation reported"));
    assertTrue(log.getOut().contains("window.injected"), "the report names the blocked script");
  }

  private void signIn(Account account) {
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("username")).sendKeys(account.username());
    browser.findElement(By.id("password")).sendKeys(account.password());
    browser.findElement(By.id("submit")).click();
    new WebDriverWait(browser, WAIT).until(page -> browser.getCurrentUrl().equals(baseUrl() + "/"));
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  private static String widgetUrl() {
    return "http://127.0.0.1:" + widgetHost.getAddress().getPort() + "/widget/";
  }

  private void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png"),
        browser.getScreenshotAs(OutputType.BYTES));
  }

  private static HttpServer startWidgetHost() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/widget/", exchange -> {
        try (exchange) {
          String path = exchange.getRequestURI().getPath();
          byte[] script = ("window.pylonStubWidget = '" + path + "';").getBytes(StandardCharsets.UTF_8);
          boolean known = path.equals("/widget/" + APP_ID);
          exchange.getResponseHeaders().set("Content-Type", "text/javascript");
          exchange.sendResponseHeaders(known ? 200 : 404, known ? script.length : -1);
          if (known) {
            exchange.getResponseBody().write(script);
          }
        }
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
