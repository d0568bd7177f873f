package io.github.pylonchat.samples.spa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.samples.browsertest.DemoSiteBrowserTest;
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
 * The single-page sample in headless Chromium: each demo user signs in through the page's
 * {@code fetch} call, and without a page load the loader ({@code /pylon/chat-settings.js}) sets
 * {@code window.pylon} from the chat-settings endpoint and inserts Pylon's widget script (the
 * stub), all under the demo site's CSP, which allows scripts only by nonce.
 */
class SpaBrowserEndToEndTest extends DemoSiteBrowserTest {
  /** Opens the page and waits until the loader's first fetch is done; marks the page to see reloads. */
  private Object openPage() {
    browser.get(baseUrl() + "/");
    Object settings = js("return PylonChatJava.ready;");
    js("window.loadedOnce = true;");
    return settings;
  }

  private List<?> widgetScripts() {
    return (List<?>) js("return Array.from(document.querySelectorAll('script[src]'), s => s.src)"
        + ".filter(src => src.startsWith('" + widgetUrl() + "'));");
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
    assertEquals(List.of(widgetUrl() + APP_ID), widgetScripts(), "the loader inserted Pylon's widget script");
    assertEquals("/widget/" + APP_ID, js("return window.pylonStubWidget;"), "the widget script ran under the page's CSP");
    assertEquals(3L, js("return document.scripts.length;"), "the loader, app.js and the widget: user text added no script");
    assertEquals(account.displayName(), js("return document.getElementById('display-name').textContent;"));
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no alert dialog");
    assertEquals(List.of(), js("return window.cspViolations;"), "no CSP violation");
    screenshot(account.username());

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
    assertEquals(List.of(widgetUrl() + APP_ID), widgetScripts());
    assertEquals(List.of(), js("return window.cspViolations;"));
  }

  @Test
  void visitorWhoIsNotSignedInGetsNoChat() throws IOException {
    assertNull(openPage());
    assertNoChat("signed out");
    screenshot("signed-out");
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
}
