package io.github.pylonchat.benchmarks;

import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.EmailHasher;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.benchmarks.model.Member;
import io.github.pylonchat.benchmarks.model.MemberChatIdentity;
import io.github.pylonchat.testing.ReferenceJwt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The variants each benchmark compares compute the same thing, so the comparison is fair. */
class BenchmarkVariantsTest {
  private final EmailHasher pylonChat = IdentitySecret.ofHex(HashingBenchmark.SECRET_HEX).hasher();

  @Test
  void everyHashingVariantGivesPylonsTestVector() {
    HashingBenchmark benchmark = hashingBenchmark(16);
    assertEquals(TestVector.SECRET_HEX, HashingBenchmark.SECRET_HEX);
    assertEquals(TestVector.EMAIL, HashingBenchmark.emailOfLength(16));
    assertEquals(TestVector.EMAIL_HASH, benchmark.pylonChat());
    assertEquals(TestVector.EMAIL_HASH, benchmark.macPerCall());
    assertEquals(TestVector.EMAIL_HASH, benchmark.threadLocalMac());
    assertEquals(TestVector.EMAIL_HASH, benchmark.guava());
    assertEquals(TestVector.EMAIL_HASH, benchmark.commonsCodec());
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64, 512})
  void everyBenchmarkedEmailHasItsLengthAndTheSameHashFromEveryVariant(int bytes) {
    String email = HashingBenchmark.emailOfLength(bytes);
    assertEquals(bytes, email.getBytes(StandardCharsets.UTF_8).length);
    HashingBenchmark benchmark = hashingBenchmark(bytes);
    String expected = ReferenceHmac.emailHash(HashingBenchmark.SECRET_HEX, email);
    assertEquals(expected, benchmark.pylonChat());
    assertEquals(expected, benchmark.macPerCall());
    assertEquals(expected, benchmark.threadLocalMac());
    assertEquals(expected, benchmark.guava());
    assertEquals(expected, benchmark.commonsCodec());
    assertEquals(64, benchmark.floor().length()); // not an HMAC: same shape of output only
  }

  private static HashingBenchmark hashingBenchmark(int emailBytes) {
    HashingBenchmark benchmark = new HashingBenchmark();
    benchmark.emailBytes = emailBytes;
    benchmark.setUp();
    return benchmark;
  }

  @Test
  void theTagTheFloorAndTheNaivePageRenderTheSameHtml() throws Exception {
    LayoutPages pages = new LayoutPages();
    String tag = pages.render(LayoutPages.Variant.TAG);
    // If the widget's markup changes, page-floor.ftlh and page-naive.ftlh must follow, or the
    // rendering benchmark compares pages that do different work.
    assertEquals(tag, pages.render(LayoutPages.Variant.FLOOR));
    assertEquals(tag, pages.render(LayoutPages.Variant.NAIVE));
    assertTrue(tag.contains("\"email_hash\":\"" + pylonChat.hash("ada.lovelace@example.com") + "\""), tag);
    assertTrue(tag.length() > 5_000 && tag.length() < 7_000, "a page of about 5 KB, got " + tag.length());
  }

  @Test
  void inJwtModeTheTagAndTheFloorPageRenderTheSameHtmlWithATokenThatVerifies() throws Exception {
    long now = 1_764_201_600L;
    LayoutPages pages = new LayoutPages(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    String tag = pages.render(LayoutPages.Variant.TAG_JWT);
    // With one clock second, the tag's token is the floor's: both pages do the same work but signing.
    assertEquals(tag, pages.render(LayoutPages.Variant.FLOOR_JWT));
    Matcher jwt = Pattern.compile("\"jwt\":\"([^\"]+)\"").matcher(tag);
    assertTrue(jwt.find(), tag);
    assertEquals(Map.of("aud", LayoutPages.APP_ID, "email", "ada.lovelace@example.com", "name", "Ada Lovelace",
        "iat", now, "exp", now + 600), ReferenceJwt.verifiedClaims(jwt.group(1), TokenBenchmark.JWT_SECRET));
    assertTrue(!tag.contains("email_hash") && tag.length() > 5_000 && tag.length() < 7_000, tag);
  }

  @Test
  void bothTokenVariantsSignTheSameClaimsWithTheSameHeaderAndSecret() throws Exception {
    TokenBenchmark benchmark = new TokenBenchmark();
    benchmark.setUp();
    Map<String, Object> ours = ReferenceJwt.verifiedClaims(benchmark.pylonChat(), TokenBenchmark.JWT_SECRET);
    Map<String, Object> nimbus = ReferenceJwt.verifiedClaims(benchmark.nimbus(), TokenBenchmark.JWT_SECRET);
    assertEquals(Map.of("aud", LayoutPages.APP_ID, "email", "ada.lovelace@example.com", "name", "Ada Lovelace",
        "account_external_id", "acme-analytical-engines"), withoutTimes(ours));
    assertEquals(withoutTimes(ours), withoutTimes(nimbus));
    for (Map<String, Object> claims : List.of(ours, nimbus)) {
      assertEquals(600L, (Long) claims.get("exp") - (Long) claims.get("iat"));
      assertTrue(Math.abs((Long) claims.get("iat") - Instant.now().getEpochSecond()) < 60, "now: " + claims);
    }
  }

  private static Map<String, Object> withoutTimes(Map<String, Object> claims) {
    Map<String, Object> rest = new HashMap<>(claims);
    rest.remove("iat");
    rest.remove("exp");
    return rest;
  }

  @Test
  void theThymeleafTagAndFloorPagesRenderTheSameHtml() throws Exception {
    ThymeleafLayoutPages pages = new ThymeleafLayoutPages();
    String tag = pages.render(ThymeleafLayoutPages.Variant.TAG);
    // If the widget's markup changes, thymeleaf/page-floor.html must follow, or the benchmark
    // compares pages that do different work.
    assertEquals(tag, pages.render(ThymeleafLayoutPages.Variant.FLOOR));
    Map<String, Object> model = LayoutPages.model();
    String widget = LayoutPages.widget().render(model.get("currentUser"), (String) model.get("cspNonce"));
    assertTrue(tag.contains("</footer>\n  " + widget + "\n</body>"), tag);
    assertTrue(tag.contains("<strong>Ada Lovelace</strong>") && tag.contains("Assam &quot;Breakfast&quot; Blend"), tag);
    assertTrue(tag.length() > 5_000 && tag.length() < 7_000, "a page of about 5 KB, got " + tag.length());
  }

  @Test
  void theLookupAndTheDirectCallReadTheSameProfile() {
    Member member = new Member(1, "ada.lovelace@example.com", "Ada Lovelace", "acme");
    Member proxy = new LookupBenchmark.MemberProxy(1, "ada.lovelace@example.com", "Ada Lovelace", "acme");
    assertEquals(MemberChatIdentity.INSTANCE.profile(member), ChatIdentities.profileOf(member));
    assertEquals(MemberChatIdentity.INSTANCE.profile(proxy), ChatIdentities.profileOf(proxy));
    assertEquals("acme", ChatIdentities.profileOf(proxy).accountId());
  }
}
