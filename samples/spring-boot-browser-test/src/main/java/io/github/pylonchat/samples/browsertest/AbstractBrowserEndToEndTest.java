package io.github.pylonchat.samples.browsertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.samples.demosite.DemoSite;
import io.github.pylonchat.samples.demosite.DemoUsers;
import io.github.pylonchat.samples.demosite.DemoUsers.Account;
import io.github.pylonchat.testing.ReferenceHmac;
import java.io.IOException;
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
 * Runs a sample built on {@link DemoSite} on a random port and drives Debian's headless Chromium
 * through it: each demo user signs in with the login form, and the test reads what Pylon would read
 * from the live page. Each Spring Boot sample has a {@code BrowserEndToEndTest} that extends this
 * class in its application's package, where {@code @SpringBootTest} finds the application; so both
 * samples, whatever their template engine, pass exactly the same checks.
 *
 * <p>Pylon's widget host is replaced by a {@link PylonWidgetStub} on another local origin (CI has
 * no internet), set as {@code pylon.chat.widget-url}; the sample's CSP follows that URL.
 * {@link HeadlessChromium} records every {@code securitypolicyviolation}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=" + AbstractBrowserEndToEndTest.APP_ID,
    "pylon.chat.identity-secret=" + AbstractBrowserEndToEndTest.SECRET})
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractBrowserEndToEndTest {
  /** The app id and identity secret the samples run with in the end-to-end tests. */
  public static final String APP_ID = "e2e-test-app";
  /** A secret of Pylon's form, unknown to the library's tests. */
  public static final String SECRET = "3a6f0c1e9b2d4f5a8c7e6d5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f";
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Stands in for widget.usepylon.com: serves a script that marks the page when it runs. */
  private static final PylonWidgetStub WIDGET_HOST = PylonWidgetStub.start(APP_ID);

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
    browser = HeadlessChromium.start(profile);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    WIDGET_HOST.stop();
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
    assertEquals(Map.of(
        "app_id", APP_ID,
        "email", account.email(),
        "name", account.displayName(),
        "email_hash", ReferenceHmac.emailHash(SECRET, account.email())), settings);

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
    return WIDGET_HOST.widgetUrl();
  }

  private static void screenshot(String name) throws IOException {
    HeadlessChromium.screenshot(browser, name);
  }
}
