package io.github.pylonchat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code <@pylonChat/>} rendered into a page, and checks its hash independently. */
final class RenderedWidget {
  /** The test vector's secret. */
  static final String SECRET = TestVector.SECRET_HEX;

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
    assertThat(setting(page, "email_hash")).isEqualTo(ReferenceHmac.emailHash(SECRET, email));
  }
}
