package io.github.pylonchat.samples.browsertest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the samples' end-to-end tests (nothing is downloaded). Before each
 * page is parsed, a listener injected over the DevTools protocol (which the page's CSP does not
 * restrict) records every {@code securitypolicyviolation} in {@code window.cspViolations}.
 */
public final class HeadlessChromium {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  private static final String CSP_VIOLATION_RECORDER = """
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', function (e) {
        window.cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ': ' + e.sample);
      });
      """;

  private HeadlessChromium() {}

  /**
   * Starts the browser with its profile in {@code profile}; fails the test (it does not skip) when
   * Chromium or its driver is not installed, and says how to install them.
   */
  public static ChromeDriver start(Path profile) throws IOException {
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
    ChromeDriver browser = new ChromeDriver(driver, options);
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_VIOLATION_RECORDER));
    return browser;
  }

  /** Saves what the browser shows to {@code target/e2e-screenshots/<name>.png}. */
  public static void screenshot(ChromeDriver browser, String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
