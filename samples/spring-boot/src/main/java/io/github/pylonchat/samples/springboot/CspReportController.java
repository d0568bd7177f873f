package io.github.pylonchat.samples.springboot;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs the Content-Security-Policy violations that browsers report, so that a script the policy
 * blocked shows up in the server log. Anyone can post here, so the body is capped at
 * {@value #MAX_BODY_BYTES} bytes (413 above, without reading further) and logged on one line with
 * control characters escaped (no forged log lines, no terminal escape sequences).
 */
@RestController
public class CspReportController {
  /** Far more than a browser's report, which is well under 2 KiB. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final Log logger = LogFactory.getLog(CspReportController.class);
  private static final int MAX_LOGGED = 2000;

  /** Receives one report (browsers send {@code application/csp-report} JSON). */
  @PostMapping(ContentSecurityPolicy.REPORT_PATH)
  public ResponseEntity<Void> report(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
    }
    logger.warn("Content-Security-Policy violation reported by a browser: "
        + printable(new String(body, StandardCharsets.UTF_8)));
    return ResponseEntity.noContent().build();
  }

  /**
   * The browser-supplied text on one bounded line: control characters (CR, LF, ESC, ...), line
   * separators and invisible format characters (such as bidi overrides) become {@code \\uXXXX}.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX_LOGGED; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() < MAX_LOGGED ? out.toString() : out + "...";
  }
}
