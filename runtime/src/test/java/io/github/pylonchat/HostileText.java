package io.github.pylonchat;

import java.util.SplittableRandom;

/**
 * Generates text that is known to break out of scripts, strings or comments, or to trip up
 * encoders: script and comment markers, quotes, backslashes, U+2028/U+2029, lone surrogates,
 * emoji, control characters, any UTF-16 code unit, and now and then very long strings. Seeded,
 * so a failing sample can be reproduced.
 */
final class HostileText {
  /** Text known to break out of scripts, strings or comments, or to trip up encoders. */
  static final String[] PIECES = {
    "</script>", "</SCRIPT >", "</script\t", "<script>", "<script", "<!--", "-->", "<!--<script>", "]]>",
    "<![CDATA[", "\"", "'", "`", "\\", "\\\"", "\\u2028", "\u2028", "\u2029", "\u0085", "\ufeff",
    "\ud800", "\udbff", "\udc00", "\udfff", "😀", "👩\u200d👩\u200d👧", "\u0000", "\u0008", "\u001b",
    "\u001f", "\u007f", "\r\n", "\n", "\t", "&", "&amp;", "&lt;/script&gt;", "<", ">", "/", "*/", "//",
    "${x}", "\"};alert(1);//", "'};alert(1);//", "</scr", "ipt>", "@", "é", "ß", "Ω", "中文", "\u202e"
  };
  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String BASE64 = ALPHANUMERIC + "+/-_";

  private final SplittableRandom random;

  HostileText(long seed) {
    random = new SplittableRandom(seed);
  }

  /** Up to 30 hostile pieces; one in 200 is a very long string (8,000 to 40,000 chars). */
  String text() {
    String text = shortText();
    if (random.nextInt(200) == 0) {
      String unit = text.isEmpty() ? PIECES[0] : text;
      return unit.repeat(random.nextInt(8_000, 40_001) / unit.length() + 1);
    }
    return text;
  }

  /** {@link #text()}, or null one time in twenty. */
  String textOrNull() {
    return random.nextInt(20) == 0 ? null : text();
  }

  /** {@link #text()} made non-blank (a blank email is refused by ChatProfile). */
  String email() {
    String text = text();
    return text.isBlank() ? text + "@" : text;
  }

  /** A base64 or base64url nonce, or null one time in five. */
  String nonceOrNull() {
    if (random.nextInt(5) == 0) {
      return null;
    }
    StringBuilder nonce = new StringBuilder();
    for (int i = random.nextInt(1, 45); i > 0; i--) {
      nonce.append(BASE64.charAt(random.nextInt(BASE64.length())));
    }
    return nonce.append("=".repeat(random.nextInt(3))).toString();
  }

  boolean coin() {
    return random.nextBoolean();
  }

  private String shortText() {
    StringBuilder text = new StringBuilder();
    for (int pieces = random.nextInt(31); pieces > 0; pieces--) {
      int kind = random.nextInt(11);
      if (kind < 6) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      } else if (kind < 8) {
        text.append((char) random.nextInt(0x10000)); // any UTF-16 unit, lone surrogates too
      } else if (kind < 9) {
        text.append((char) random.nextInt(0x20));
      } else {
        for (int i = random.nextInt(7); i > 0; i--) {
          text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
      }
    }
    return text.toString();
  }

  /** {@code text} with every character outside printable ASCII shown as a Java escape, cut short. */
  static String show(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder shown = new StringBuilder("\"");
    for (int i = 0; i < Math.min(text.length(), 200); i++) {
      char c = text.charAt(i);
      shown.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return shown.append(text.length() > 200 ? "\"... (" + text.length() + " chars)" : "\"").toString();
  }
}
