package io.github.pylonchat.cli;

import io.github.pylonchat.ScriptSafeJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict reader of JSON text (RFC 8259), for the command line's {@code decode} only: the
 * library itself never reads JSON. It accepts exactly the grammar (no comments, trailing commas,
 * leading zeros, NaN, single quotes or control characters in strings), refuses a duplicate name in
 * an object (readers that keep the first and those that keep the last would see different tokens)
 * and nesting deeper than {@value #MAX_DEPTH}, and never turns a number into a value: a number keeps
 * its text, so no input can make it compute with a huge exponent.
 *
 * <p>Values are {@code Map<String, Object>} (in order), {@code List<Object>}, {@code String},
 * {@link JsonNumber}, {@code Boolean} or {@link #NULL}. Every problem is a {@link Malformed} that says
 * where.
 */
final class StrictJson {
  /** How deep objects and arrays may nest; a token's header and claims are flat. */
  static final int MAX_DEPTH = 16;
  /** JSON's {@code null}. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** A JSON number, as its text. */
  record JsonNumber(String text) {
    /** The number as a long, or null if it is not a whole number from -10^18 to 10^18. */
    Long asLong() {
      return text.matches("-?(0|[1-9][0-9]{0,17})") ? Long.valueOf(text) : null;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The text is not JSON, or not the JSON this reader accepts. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private final String text;
  private int at;

  private StrictJson(String text) {
    this.text = text;
  }

  /** The one value that {@code text} is, with nothing but whitespace around it. */
  static Object parse(String text) throws Malformed {
    StrictJson reader = new StrictJson(text);
    reader.whitespace();
    Object value = reader.value(0);
    reader.whitespace();
    if (reader.at != text.length()) {
      throw reader.malformed("text after the value");
    }
    return value;
  }

  /** {@code value} written back as JSON with {@link ScriptSafeJson}'s strings: printable ASCII only. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof String string) {
      out.append(ScriptSafeJson.quote(string));
    } else if (value instanceof Map<?, ?> object) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> member : object.entrySet()) {
        out.append(separator).append(ScriptSafeJson.quote((String) member.getKey())).append(':');
        write(member.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (value instanceof List<?> array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(array.get(i), out);
      }
      out.append(']');
    } else {
      out.append(value); // number, boolean or null
    }
  }

  private Object value(int depth) throws Malformed {
    if (at == text.length()) {
      throw malformed("a value is missing");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", NULL);
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          yield number();
        }
        throw malformed("a value cannot start here");
      }
    };
  }

  private Map<String, Object> object(int depth) throws Malformed {
    nesting(depth);
    at++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    whitespace();
    if (peek('}')) {
      at++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      whitespace();
      if (!peek('"')) {
        throw malformed("a name in quotes is expected");
      }
      int nameAt = at;
      String name = string();
      if (members.containsKey(name)) {
        at = nameAt;
        throw malformed("the name " + ScriptSafeJson.quote(name) + " appears twice");
      }
      whitespace();
      expect(':');
      whitespace();
      members.put(name, value(depth));
      whitespace();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return Collections.unmodifiableMap(members);
      }
    }
  }

  private List<Object> array(int depth) throws Malformed {
    nesting(depth);
    at++; // [
    List<Object> elements = new ArrayList<>();
    whitespace();
    if (peek(']')) {
      at++;
      return Collections.unmodifiableList(elements);
    }
    while (true) {
      whitespace();
      elements.add(value(depth));
      whitespace();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return Collections.unmodifiableList(elements);
      }
    }
  }

  private String string() throws Malformed {
    at++; // "
    StringBuilder value = new StringBuilder();
    while (true) {
      if (at == text.length()) {
        throw malformed("the string is not closed");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        at--;
        throw malformed("a control character must be escaped in a string");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (at == text.length()) {
        throw malformed("the string is not closed");
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> value.append(escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> value.append(hexUnit());
        default -> {
          at--;
          throw malformed("not an escape of JSON");
        }
      }
    }
  }

  private char hexUnit() throws Malformed {
    int unit = 0;
    for (int i = 0; i < 4; i++) {
      if (at == text.length() || !HexFormat.isHexDigit(text.charAt(at))) { // ASCII hex only
        throw malformed("\\u needs four hex digits");
      }
      unit = unit << 4 | HexFormat.fromHexDigit(text.charAt(at));
      at++;
    }
    return (char) unit;
  }

  private JsonNumber number() throws Malformed {
    int start = at;
    if (peek('-')) {
      at++;
    }
    if (peek('0')) {
      at++;
    } else if (!digits()) {
      throw malformed("a number needs digits");
    }
    if (peek('.')) {
      at++;
      if (!digits()) {
        throw malformed("a fraction needs digits");
      }
    }
    if (peek('e') || peek('E')) {
      at++;
      if (peek('+') || peek('-')) {
        at++;
      }
      if (!digits()) {
        throw malformed("an exponent needs digits");
      }
    }
    return new JsonNumber(text.substring(start, at));
  }

  /** Skips one or more ASCII digits; false if there is none. */
  private boolean digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at > start;
  }

  private Object literal(String word, Object value) throws Malformed {
    if (!text.startsWith(word, at)) {
      throw malformed("a value cannot start here");
    }
    at += word.length();
    return value;
  }

  private void nesting(int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw malformed("objects and arrays nest deeper than " + MAX_DEPTH);
    }
  }

  private void whitespace() {
    while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) throws Malformed {
    if (!peek(c)) {
      throw malformed("'" + c + "' is expected");
    }
    at++;
  }

  private Malformed malformed(String problem) {
    return new Malformed(problem + " (at character " + (at + 1) + ")");
  }
}
