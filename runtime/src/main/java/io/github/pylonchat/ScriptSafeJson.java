package io.github.pylonchat;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON string literals that are printable ASCII and safe wherever the library writes them: inside
 * an HTML {@code <script>} element, as JavaScript string literals, as JSON, in a signed token's
 * claims, on a terminal. Only printable ASCII other than {@code " \ < > & '} is written as is; every
 * other character, lone surrogates included, is an escape ({@code \n \r \t \" \\} or
 * {@code \}{@code uXXXX}), so no input can end the string or the script element, whatever the page's
 * encoding, and any JSON parser reads back exactly the given string.
 *
 * <p>The library's one escaper: the widget's script, {@link PylonChatWidget#settingsJson},
 * {@link JwtSigner}'s claims and the command line's output all use it.
 *
 * <pre>{@code
 * String literal = ScriptSafeJson.quote("Ada </script>");   // "Ada \u003c/script\u003e" with the quotes
 * }</pre>
 */
public final class ScriptSafeJson {
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private ScriptSafeJson() {}

  /** {@code value} as a quoted JSON string literal. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    try {
      appendQuoted(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /**
   * Appends {@code value} to {@code out} as a quoted JSON string literal, in runs between the
   * characters that need escaping.
   *
   * @throws IOException if {@code out} fails
   */
  public static void appendQuoted(String value, Appendable out) throws IOException {
    out.append('"');
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != '\'') {
        continue;
      }
      out.append(value, start, i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u").append(HEX_DIGITS[c >> 12 & 0xf]).append(HEX_DIGITS[c >> 8 & 0xf])
            .append(HEX_DIGITS[c >> 4 & 0xf]).append(HEX_DIGITS[c & 0xf]);
      }
      start = i + 1;
    }
    out.append(value, start, value.length()).append('"');
  }

  /**
   * Appends {@code ,"key":value} to a JSON object being written, with {@code value} quoted as by
   * {@link #appendQuoted}; nothing when {@code value} is null. For the widget's settings and the
   * token's claims.
   */
  static void appendField(String key, String value, Appendable out) throws IOException {
    if (value != null) {
      out.append(",\"").append(key).append("\":");
      appendQuoted(value, out);
    }
  }
}
