package io.github.pylonchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.HostileText;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's JSON reader accepts exactly RFC 8259 JSON, and any other input only makes it say so. */
class StrictJsonTest {
  private static Object parse(String text) {
    try {
      return StrictJson.parse(text);
    } catch (StrictJson.Malformed e) {
      throw new AssertionError(text + ": " + e.getMessage(), e);
    }
  }

  @Test
  void readsTheValuesOfATokensHeaderAndClaims() {
    Object value = parse(" {\"alg\":\"HS256\",\"n\":-0.5e+3,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,{\"b\":[]}],\"o\":{}}\n");
    assertEquals(Map.of("alg", "HS256", "n", new StrictJson.JsonNumber("-0.5e+3"), "t", true, "f", false,
        "z", StrictJson.NULL, "a", List.of(new StrictJson.JsonNumber("1"), Map.of("b", List.of())), "o", Map.of()), value);
    assertEquals("{\"alg\":\"HS256\",\"n\":-0.5e+3,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,{\"b\":[]}],\"o\":{}}",
        StrictJson.write(value));
  }

  @Test
  void readsEveryEscapeLoneSurrogatesIncluded() {
    assertEquals("\" \\ / \b \f \n \r \t \u00e9 \ud83d\ude00 \ud800 é", parse(
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00E9 \\ud83d\\ude00 \\ud800 é\""));
  }

  @Test
  void wholeNumbersUpToTenToTheEighteenAreLongs() {
    assertEquals(1_764_201_600L, new StrictJson.JsonNumber("1764201600").asLong());
    assertEquals(-999_999_999_999_999_999L, new StrictJson.JsonNumber("-999999999999999999").asLong());
    for (String notALong : List.of("1.0", "1e3", "1000000000000000000", "99999999999999999999999", "-0.5")) {
      assertEquals(null, new StrictJson.JsonNumber(notALong).asLong(), notALong);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]", "{a:1}", "{'a':1}", "{\"a\":1}x",
    "{\"a\":1}{}", "01", "-", "1.", ".5", "1e", "+1", "NaN", "Infinity", "-Infinity", "tru", "nul", "True",
    "\"unterminated", "\"a\\\"", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\u\uff10\uff10\uff10\uff10\"",
    "\"tab\there\"", "\"line\nbreak\"", "\"\u0000\"", "\ufeff{}", "{\"a\":1 \"b\":2}", "[1 2]",
    "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1},\"a\":{}}", "/* comment */ {}", "{} // comment", "\u00a0{}",
  })
  void refusesAnythingThatIsNotStrictJson(String text) {
    StrictJson.Malformed e = assertThrows(StrictJson.Malformed.class, () -> StrictJson.parse(text));
    assertTrue(e.getMessage().matches(".+ \\(at character \\d+\\)"), e.getMessage());
  }

  @Test
  void aDuplicateNameIsRefusedNamingItEscaped() {
    StrictJson.Malformed e = assertThrows(StrictJson.Malformed.class,
        () -> StrictJson.parse("{\"</script>\":1,\"</script>\":2}"));
    assertEquals("the name \"\\u003c/script\\u003e\" appears twice (at character 16)", e.getMessage());
  }

  @Test
  void nestingIsLimitedSoThatNoInputExhaustsTheStack() {
    String deep = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
    parse(deep);
    for (String tooDeep : List.of("[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1),
        "[".repeat(1_000_000), "{\"a\":".repeat(100_000))) {
      StrictJson.Malformed e = assertThrows(StrictJson.Malformed.class, () -> StrictJson.parse(tooDeep));
      assertTrue(e.getMessage().startsWith("objects and arrays nest deeper than 16"), e.getMessage());
    }
  }

  @Test
  void aHugeExponentIsKeptAsText() {
    assertEquals(new StrictJson.JsonNumber("1e999999999"), parse("1e999999999"));
    assertEquals(null, new StrictJson.JsonNumber("1e999999999").asLong());
  }

  @Test
  void randomHostileTextAndMutatedJsonOnlyEverGiveAValueOrMalformed() {
    long seed = Long.getLong("hostile.seed", new SplittableRandom().nextLong());
    SplittableRandom random = new SplittableRandom(seed);
    HostileText hostile = new HostileText(seed);
    String valid = "{\"alg\":\"HS256\",\"claims\":[1,-2.5e-3,true,false,null,\"\\u00e9\\n\",{\"a\":{}}]}";
    String alphabet = "{}[]:,\"\\/ \t\n\r-+.0123456789eEabfnrtuxlsNIa\u00e9\ud800\u0000";
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      String text;
      if (i % 2 == 0) {
        StringBuilder mutated = new StringBuilder(valid);
        for (int edits = random.nextInt(1, 4); edits > 0; edits--) {
          int at = random.nextInt(mutated.length());
          switch (random.nextInt(3)) {
            case 0 -> mutated.deleteCharAt(at);
            case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
        text = mutated.toString();
      } else {
        text = hostile.text();
      }
      try {
        Object value = StrictJson.parse(text);
        assertEquals(value, parse(StrictJson.write(value)), "what is read is written back as the same JSON");
        assertTrue(StrictJson.write(value).chars().allMatch(c -> c >= 0x20 && c < 0x7f));
        accepted++;
      } catch (StrictJson.Malformed expected) {
        // the only other outcome
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("seed " + seed + " (replay with -Dhostile.seed=" + seed + "), input "
            + HostileText.show(text), e);
      }
    }
    assertTrue(accepted > 100, "some mutations stay JSON: " + accepted);
  }
}
