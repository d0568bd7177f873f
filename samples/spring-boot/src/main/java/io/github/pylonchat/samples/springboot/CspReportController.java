package io.github.pylonchat.samples.springboot;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs the Content-Security-Policy violations that browsers report, so that a script the policy
 * blocked shows up in the server log.
 */
@RestController
public class CspReportController {
  private static final Log logger = LogFactory.getLog(CspReportController.class);
  private static final int MAX_LOGGED = 2000;

  /** Receives one report (browsers send {@code application/csp-report} JSON). */
  @PostMapping(ContentSecurityPolicy.REPORT_PATH)
  public ResponseEntity<Void> report(@RequestBody(required = false) String report) {
    String text = report == null ? "" : report;
    // The report is browser-supplied text: keep it on one log line and bounded.
    text = text.replaceAll("[\\r\\n]+", " ");
    if (text.length() > MAX_LOGGED) {
      text = text.substring(0, MAX_LOGGED) + "...";
    }
    logger.warn("Content-Security-Policy violation reported by a browser: " + text);
    return ResponseEntity.noContent().build();
  }
}
