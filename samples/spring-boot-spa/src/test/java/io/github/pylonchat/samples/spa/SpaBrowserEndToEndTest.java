package io.github.pylonchat.samples.spa;

import static io.github.pylonchat.samples.browsertest.AbstractBrowserEndToEndTest.APP_ID;
import static io.github.pylonchat.samples.browsertest.AbstractBrowserEndToEndTest.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.samples.browsertest.HeadlessChromium;
import io.github.pylonchat.samples.browsertest.PylonWidgetStub;
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
 * The single-page sample in headless Chromium: each demo user signs in through the page's
 * {@code fetch} call, and without a page load the loader ({@code /pylon/chat-settings.js}) sets
 * {@code window.pylon} from the chat-settings endpoint and inserts Pylon's widget script (a
 * {@link PylonWidgetStub}), all under the sample's CSP, which allows scripts only by nonce.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=" + APP_ID,
    "pylon.chat.identity-secret=" + SECRET})
@ExtendWith(OutputCaptureExtension.class)
class SpaBrowserEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final PylonWidgetStub WIDGET_HOST = PylonWidgetStub.start(APP_ID);
  static final List<Account> ACCOUNTS = DemoUsers.ACCOUNTS;

  private static ChromeDriver browser;

  @LocalServerPort
  private int port;

  @DynamicPropertySource
  static void widgetHost(DynamicPropertyRegistry properties) {
    properties.add("pylon.chat.widget-url", WIDGET_HOST::widgetUrl);
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

  private Object js(String script) {
    return browser.executeScript(script);
  }

  /** Opens the page and waits until the loader's first fetch is done; marks the page to see reloads. */
  private Object openPage() {
    browser.get("http://localhost:" + port + "/");
    Object settings = js("return PylonChatJava.ready;");
    js("window.loadedOnce = true;");
    return settings;
  }

  private List<?> widgetScripts() {
    return (List<?>) js("return Array.from(document.querySelectorAll('script[src]'), s => s.src)"
        + ".filter(src => src.startsWith('" + WIDGET_HOST.widgetUrl() + "'));");
  }

  private void signIn(Account account) {
    browser.findElement(By.id("username")).sendKeys(account.username());
    browser.findElement(By.id("password")).sendKeys(account.password());
    browser.findElement(By.id("submit")).click();
  }

  private void assertNoChat(String when) {
    assertEquals("undefined", js("return typeof window.pylon;"), when);
    assertEquals(List.of(), widgetScripts(), when);
    assertEquals(List.of(), js("return window.cspViolations;"), when);
  }

  @ParameterizedTest
  @FieldSource("ACCOUNTS")
  void signingInWithoutAPageLoadStartsTheChatWithTheUsersVerifiedIdentity(Account account) throws Exception {
    assertNull(openPage(), "the loader found nobody signed in");
    assertNoChat("before signing in");

    signIn(account);
    new WebDriverWait(browser, WAIT).until(page -> js("return window.pylonStubWidget;") != null);

    assertEquals(true, js("return window.loadedOnce;"), "no page load");
    assertEquals(Map.of(
        "app_id", APP_ID,
        "email", account.email(),
        "name", account.displayName(),
        "email_hash", ReferenceHmac.emailHash(SECRET, account.email())), js("return window.pylon.chat_settings;"));
    assertEquals(List.of(WIDGET_HOST.widgetUrl() + APP_ID), widgetScripts(), "the loader inserted Pylon's widget script");
    assertEquals("/widget/" + APP_ID, js("return window.pylonStubWidget;"), "the widget script ran under the page's CSP");
    assertEquals(3L, js("return document.scripts.length;"), "the loader, app.js and the widget: user text added no script");
    assertEquals(account.displayName(), js("return document.getElementById('display-name').textContent;"));
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no alert dialog");
    assertEquals(List.of(), js("return window.cspViolations;"), "no CSP violation");
    HeadlessChromium.screenshot(browser, account.username());

    browser.findElement(By.id("sign-out")).click();
    new WebDriverWait(browser, WAIT).until(page -> js("return window.loadedOnce;") == null);
    assertNull(js("return PylonChatJava.ready;"), "after signing out and the reload the loader finds nobody");
    assertNoChat("after signing out");
  }

  @Test
  void signedInUserWhoReloadsGetsTheChatFromTheLoaderAlone() {
    openPage();
    signIn(ACCOUNTS.get(0));
    new WebDriverWait(browser, WAIT).until(page -> js("return window.pylonStubWidget;") != null);

    browser.navigate().refresh();
    Object settings = js("return PylonChatJava.ready;");

    assertEquals(ACCOUNTS.get(0).email(), ((Map<?, ?>) settings).get("email"));
    new WebDriverWait(browser, WAIT).until(page -> js("return window.pylonStubWidget;") != null);
    assertEquals(List.of(WIDGET_HOST.widgetUrl() + APP_ID), widgetScripts());
    assertEquals(List.of(), js("return window.cspViolations;"));
  }

  @Test
  void visitorWhoIsNotSignedInGetsNoChat() throws IOException {
    assertNull(openPage());
    assertNoChat("signed out");
    HeadlessChromium.screenshot(browser, "signed-out");
  }

  /** Pylon documents no call that changes a running widget's identity: refresh() says to reload instead. */
  @Test
  void refreshForAnotherUserThanTheRunningWidgetsAsksForAReload() {
    openPage();
    signIn(ACCOUNTS.get(0));
    new WebDriverWait(browser, WAIT).until(page -> js("return window.pylonStubWidget;") != null);

    Object error = js("""
        return fetch('/api/session').then(r => r.json()).then(s => fetch('/api/logout',
            {method: 'POST', headers: {[s.csrf.header]: s.csrf.token}}))
          .then(() => PylonChatJava.refresh()).then(() => 'resolved', e => e.message);
        """);

    assertTrue(error.toString().contains("reload the page"), error.toString());
    assertEquals(ACCOUNTS.get(0).email(), js("return window.pylon.chat_settings.email;"), "left as it was");
  }

  @Test
  void scriptWithoutTheNonceIsBlockedSeenAndReported(CapturedOutput log) {
    openPage();
    js("""
        var script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.body.appendChild(script);
        """);
    new WebDriverWait(browser, WAIT).until(page -> !((List<?>) js("return window.cspViolations;")).isEmpty());

    assertEquals("undefined", js("return typeof window.injected;"), "the policy has no 'unsafe-inline'");
    assertTrue(js("return window.cspViolations[0];").toString().startsWith("script-src"));
    new WebDriverWait(browser, WAIT).until(page -> log.getOut().contains("Content-Security-Policy violation reported"));
  }
}
