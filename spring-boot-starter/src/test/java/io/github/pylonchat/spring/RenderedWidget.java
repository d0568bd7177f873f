package io.github.pylonchat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reads what {@code <@pylonChat/>} rendered into a page, and checks its hash independently. */
final class RenderedWidget {
  /** The test vector secret from Pylon's reference. */
  static final String SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private RenderedWidget() {}

  /** The value of {@code "key":"..."} in the page's {@code chat_settings}, or null. */
  static String setting(String page, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(page);
    return m.find() ? m.group(1) : null;
  }

  /** Whether the page contains the widget's loader. */
  static boolean hasWidget(String page) {
    return page.contains("window.pylon=") && page.contains("https://widget.usepylon.com/widget/");
  }

  /** Asserts that the page identifies {@code email} with an email_hash that Pylon would accept. */
  static void assertIdentifies(String page, String email, String name) {
    assertThat(hasWidget(page)).as("widget in %s", page).isTrue();
    assertThat(setting(page, "email")).isEqualTo(email);
    assertThat(setting(page, "name")).isEqualTo(name);
    assertThat(setting(page, "email_hash")).isEqualTo(hmacSha256Hex(SECRET, email));
  }

  /** Pylon's email_hash: HMAC-SHA256 keyed with the hex-decoded secret over the UTF-8 email. */
  static String hmacSha256Hex(String hexSecret, String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexSecret), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
