package io.github.pylonchat.samples.browsertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.samples.demosite.ContentSecurityPolicy;
import io.github.pylonchat.samples.demosite.DemoUsers;
import io.github.pylonchat.samples.demosite.DemoUsers.Account;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A sample built on the demo site, running on a random port with a known app id and secret, and
 * {@link HeadlessChromium} to drive it; a subclass in the sample application's package (where
 * {@code @SpringBootTest} finds the application) adds what it checks. Pylon's widget host is
 * replaced by a {@link PylonWidgetStub} on another local origin (CI has no internet), set as
 * {@code pylon.chat.widget-url}; the demo site's CSP follows that URL. Every sample passes the
 * control case here: a script without the nonce is blocked, seen and reported.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=" + DemoSiteBrowserTest.APP_ID,
    "pylon.chat.identity-secret=" + DemoSiteBrowserTest.SECRET})
@ExtendWith(OutputCaptureExtension.class)
public abstract class DemoSiteBrowserTest {
  /** The app id the samples run with in the end-to-end tests. */
  public static final String APP_ID = "e2e-test-app";
  /** Their identity secret: of Pylon's form, unknown to the library's tests. */
  public static final String SECRET = "3a6f0c1e9b2d4f5a8c7e6d5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f";
  /** How long to wait for the page. */
  protected static final Duration WAIT = Duration.ofSeconds(10);
  /** The demo accounts, for parameterized tests. */
  protected static final List<Account> ACCOUNTS = DemoUsers.ACCOUNTS;

  /**
   * Stands in for widget.usepylon.com: serves a script that marks the page when it runs. One per
   * test class, started before its application (which reads its URL) and stopped after it.
   */
  private static PylonWidgetStub widgetHost;

  /** The browser, shared by a test class's tests; cookies are deleted before each. */
  protected static ChromeDriver browser;

  @LocalServerPort
  private int port;

  /** For the samples' test classes. */
  protected DemoSiteBrowserTest() {}

  @DynamicPropertySource
  static void widgetHost(DynamicPropertyRegistry properties) {
    properties.add("pylon.chat.widget-url", () -> widgetHost.widgetUrl());
  }

  @BeforeAll
  static void startBrowser(@TempDir Path profile) throws IOException {
    widgetHost = PylonWidgetStub.start(APP_ID);
    browser = HeadlessChromium.start(profile);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    widgetHost.stop();
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  /** The sample's address. */
  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The stub's widget base URL; the app id is appended to it. */
  protected static String widgetUrl() {
    return widgetHost.widgetUrl();
  }

  /** What {@code script} returns on the current page. */
  protected static Object js(String script) {
    return browser.executeScript(script);
  }

  /** Saves what the browser shows as {@code target/e2e-screenshots/<name>.png}. */
  protected static void screenshot(String name) throws IOException {
    HeadlessChromium.screenshot(browser, name);
  }

  @Test
  void scriptWithoutTheNonceIsBlockedSeenAndReportedToTheSample(CapturedOutput log) {
    browser.get(baseUrl() + "/");
    js("""
        var script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.body.appendChild(script);
        """);
    new WebDriverWait(browser, WAIT).until(page -> !((List<?>) js("return window.cspViolations;")).isEmpty());
    assertEquals("undefined", js("return typeof window.injected;"), "the script did not run");
    assertTrue(js("return window.cspViolations[0];").toString().startsWith("script-src"),
        js("return window.cspViolations;").toString());
    new WebDriverWait(browser, WAIT).until(page -> log.getOut().contains("Content-Security-Policy violation reported"));
    assertTrue(log.getOut().contains("window.injected"), "the report to " + ContentSecurityPolicy.REPORT_PATH
        + " names the blocked script");
  }
}
