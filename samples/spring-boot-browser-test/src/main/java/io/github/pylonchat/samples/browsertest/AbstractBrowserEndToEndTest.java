package io.github.pylonchat.samples.browsertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pylonchat.samples.demosite.DemoSite;
import io.github.pylonchat.samples.demosite.DemoUsers.Account;
import io.github.pylonchat.testing.ReferenceHmac;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each demo user signs in with the login form of a sample built on {@link DemoSite}, and the test
 * reads what Pylon would read from the live page. Each server-rendered Spring Boot sample has a
 * {@code BrowserEndToEndTest} that extends this class in its application's package; so both
 * samples, whatever their template engine, pass exactly the same checks.
 */
public abstract class AbstractBrowserEndToEndTest extends DemoSiteBrowserTest {
  /** For the samples' subclasses. */
  protected AbstractBrowserEndToEndTest() {}

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
    screenshot(getClass().getSimpleName() + "-" + account.username());

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
    screenshot(getClass().getSimpleName() + "-login-page");
  }

  private void signIn(Account account) {
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("username")).sendKeys(account.username());
    browser.findElement(By.id("password")).sendKeys(account.password());
    browser.findElement(By.id("submit")).click();
    new WebDriverWait(browser, WAIT).until(page -> browser.getCurrentUrl().equals(baseUrl() + "/"));
  }
}
