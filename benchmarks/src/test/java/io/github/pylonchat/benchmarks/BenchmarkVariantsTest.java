package io.github.pylonchat.benchmarks;

import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.EmailHasher;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.benchmarks.model.Member;
import io.github.pylonchat.benchmarks.model.MemberChatIdentity;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The variants each benchmark compares compute the same thing, so the comparison is fair. */
class BenchmarkVariantsTest {
  private final EmailHasher pylonChat = IdentitySecret.ofHex(HashingBenchmark.SECRET_HEX).hasher();
  private final NaiveEmailHash naive = new NaiveEmailHash(HexFormat.of().parseHex(HashingBenchmark.SECRET_HEX));

  @Test
  void ourHasherAndTheNaiveOneBothGivePylonsTestVector() {
    assertEquals(TestVector.EMAIL_HASH, pylonChat.hash(TestVector.EMAIL));
    assertEquals(TestVector.EMAIL_HASH, naive.of(TestVector.EMAIL));
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64, 512})
  void everyBenchmarkedEmailHasItsLengthAndTheSameHashFromOurAndTheNaiveHasher(int bytes) {
    String email = HashingBenchmark.emailOfLength(bytes);
    assertEquals(bytes, email.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(naive.of(email), pylonChat.hash(email));
  }

  @Test
  void theSixteenByteEmailIsTheTestVectorsEmail() {
    assertEquals(TestVector.EMAIL, HashingBenchmark.emailOfLength(16));
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
