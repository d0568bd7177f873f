package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our hash must equal what Pylon's own documented snippets compute. The Python and Node snippets
 * from Pylon's identity-verification page run as subprocesses over the same random pairs.
 */
class ReferenceHashTest {
  private static final int PAIRS = 600;
  private static final List<String[]> pairs = new ArrayList<>(); // {secret, email}

  @TempDir static Path dir;

  @BeforeAll
  static void generatePairs() {
    Random random = new Random(20261125L);
    String[] pieces = {
      "user", "@", "example.com", ".", "+tag", "José", "Zoë", "Ünïcødé", "用户", "пример", "😀", "👩‍💻",
      "🇩🇪", "\u0301", " ", "\"", "\\", "'", "<", ">", "&", "\u2028", "\u00a0", "ß", "İ", "\t"
    };
    for (int i = 0; i < PAIRS; i++) {
      int keyBytes = switch (i % 4) {
        case 0 -> 32; // the size Pylon issues
        case 1 -> 16 + random.nextInt(49); // 16 bytes is the shortest secret accepted
        case 2 -> 65 + random.nextInt(100); // longer than a SHA-256 block: key is hashed first
        default -> 64;
      };
      byte[] key = new byte[keyBytes];
      random.nextBytes(key);
      String secret = HexFormat.of().formatHex(key);
      if (i % 5 == 0) {
        secret = secret.toUpperCase();
      }
      StringBuilder email = new StringBuilder();
      int length = i % 50 == 0 ? 2000 + random.nextInt(8000) : 1 + random.nextInt(12);
      while (email.length() < length) {
        email.append(random.nextInt(3) == 0
            ? Character.toString('a' + random.nextInt(26))
            : pieces[random.nextInt(pieces.length)]);
      }
      if (email.toString().isBlank()) {
        email.append('x');
      }
      pairs.add(new String[] {secret, email.toString()});
    }
  }

  @Test
  void hashEqualsPylonsPythonSnippet() throws Exception {
    assertMatchesReference("python3", "pylon_reference.py");
  }

  @Test
  void hashEqualsPylonsNodeSnippet() throws Exception {
    assertMatchesReference("node", "pylon_reference.js");
  }

  private void assertMatchesReference(String interpreter, String script) throws Exception {
    Path scriptFile = dir.resolve(script);
    try (InputStream in = getClass().getResourceAsStream("/" + script)) {
      Files.write(scriptFile, in.readAllBytes());
    }
    StringBuilder input = new StringBuilder();
    for (String[] pair : pairs) {
      input.append("{\"secret\":\"").append(pair[0]).append("\",\"email\":").append(json(pair[1])).append("}\n");
    }
    List<String> expected = Subprocess.run(dir, input.toString(), interpreter, scriptFile.toString());
    assertEquals(pairs.size(), expected.size(), "one hash per pair from " + interpreter);
    for (int i = 0; i < pairs.size(); i++) {
      String[] pair = pairs.get(i);
      assertEquals(expected.get(i), IdentitySecret.ofHex(pair[0]).hasher().hash(pair[1]),
          () -> "pair " + " differs from " + interpreter + " for an email of length " + pair[1].length());
    }
  }

  /**
   * A JSON string with every non-ASCII character escaped, so no encoding can interfere: written
   * here, independently of the library's escaper, for the reference scripts' input.
   */
  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }
}
