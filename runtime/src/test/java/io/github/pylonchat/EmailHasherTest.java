package io.github.pylonchat;

import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EmailHasherTest {
  private final EmailHasher hasher = IdentitySecret.ofHex(TestVector.SECRET_HEX).hasher();

  @Test
  void hashEqualsPylonsTestVector() {
    assertEquals(TestVector.EMAIL_HASH, hasher.hash(TestVector.EMAIL));
  }

  @Test
  void hashIsOverTheHexDecodedSecretNotItsText() throws Exception {
    Mac wrong = Mac.getInstance("HmacSHA256");
    wrong.init(new SecretKeySpec(TestVector.SECRET_HEX.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    String textKeyed = HexFormat.of().formatHex(wrong.doFinal(TestVector.EMAIL.getBytes(StandardCharsets.UTF_8)));
    assertFalse(textKeyed.equals(hasher.hash(TestVector.EMAIL)));
  }

  @Test
  void hashIsOverExactlyTheGivenStringWithoutTrimmingOrCaseFolding() {
    assertFalse(hasher.hash(TestVector.EMAIL).equals(hasher.hash("User@example.com")));
    assertFalse(hasher.hash(TestVector.EMAIL).equals(hasher.hash(TestVector.EMAIL + " ")));
  }

  @Test
  void upperCaseSecretGivesTheSameHash() {
    assertEquals(TestVector.EMAIL_HASH, IdentitySecret.ofHex(TestVector.SECRET_HEX.toUpperCase()).hasher().hash(TestVector.EMAIL));
  }

  @Test
  void verifyAcceptsTheRightHashInEitherCase() {
    assertTrue(hasher.verify(TestVector.EMAIL, TestVector.EMAIL_HASH));
    assertTrue(hasher.verify(TestVector.EMAIL, TestVector.EMAIL_HASH.toUpperCase()));
  }

  @Test
  void verifyRejectsWrongOrMalformedHashes() {
    assertFalse(hasher.verify("other@example.com", TestVector.EMAIL_HASH));
    assertFalse(hasher.verify(TestVector.EMAIL, TestVector.EMAIL_HASH.substring(0, 63) + "0"));
    assertFalse(hasher.verify(TestVector.EMAIL, TestVector.EMAIL_HASH.substring(1)));
    assertFalse(hasher.verify(TestVector.EMAIL, TestVector.EMAIL_HASH + "00"));
    assertFalse(hasher.verify(TestVector.EMAIL, "z" + TestVector.EMAIL_HASH.substring(1)));
    assertFalse(hasher.verify(TestVector.EMAIL, ""));
    assertFalse(hasher.verify(TestVector.EMAIL, null));
  }

  @Test
  void nullOrBlankEmailIsAnErrorNeverHashed() {
    for (String email : new String[] {null, "", " ", "\t\n"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hasher.hash(email));
      assertTrue(e.getMessage().contains("email must not be null or blank"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> hasher.verify(email, TestVector.EMAIL_HASH));
    }
  }

  @Test
  void anEmailWithAnUnpairedSurrogateIsNeverHashedOrVerified() {
    // String.getBytes writes '?' for it: both would have had the hash of "victim?@example.com".
    String victimHash = hasher.hash("victim?@example.com");
    assertEquals(ReferenceHmac.emailHash("victim?@example.com"), victimHash);
    for (String email : new String[] {"victim\ud800@example.com", "victim\udfff@example.com", "victim@example.com\ud800"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hasher.hash(email));
      assertEquals("the email contains an unpaired surrogate (half of a UTF-16 surrogate pair, which has no UTF-8"
          + " form), so it cannot be signed exactly as it is shown: fix where the email is read or stored",
          e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> hasher.verify(email, victimHash));
    }
    assertEquals(ReferenceHmac.emailHash("\ud83d\ude00@example.com"), hasher.hash("\ud83d\ude00@example.com"));
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    assertFalse(hasher.toString().contains("0011"));
    assertTrue(hasher.toString().contains("redacted"));
  }

  @Test
  void theHmacIsDoneByTheFirstConfiguredSecurityProvider() {
    CountingHmacProvider fips = new CountingHmacProvider("TestFips", true);
    EmailHasher fromProvider;
    Security.insertProviderAt(fips, 1);
    try {
      fromProvider = IdentitySecret.ofHex(TestVector.SECRET_HEX).hasher();
    } finally {
      Security.removeProvider(fips.getName());
    }
    int macsMade = fips.macsMade.get();
    int hmacsDone = fips.hmacsDone.get();

    assertEquals(TestVector.EMAIL_HASH, fromProvider.hash(TestVector.EMAIL));
    assertTrue(fromProvider.verify(TestVector.EMAIL, TestVector.EMAIL_HASH));

    assertEquals(hmacsDone + 2, fips.hmacsDone.get(), "HMACs done by the provider");
    assertEquals(macsMade, fips.macsMade.get(), "a cloneable Mac is cloned, not looked up again");
    assertTrue(fromProvider.toString().contains("TestFips"), fromProvider.toString());
  }

  @Test
  void aProviderWhoseMacCannotBeClonedGetsANewMacFromThatSameProviderPerCall() throws Exception {
    CountingHmacProvider notCloneable = new CountingHmacProvider("TestNotCloneable", false);
    EmailHasher fallback = new EmailHasher(new HmacSha256(HexFormat.of().parseHex(TestVector.SECRET_HEX),
        Mac.getInstance("HmacSHA256", notCloneable)));
    int macsMade = notCloneable.macsMade.get();

    assertEquals(TestVector.EMAIL_HASH, fallback.hash(TestVector.EMAIL));
    assertTrue(fallback.verify(TestVector.EMAIL, TestVector.EMAIL_HASH));
    assertFalse(fallback.verify("other@example.com", TestVector.EMAIL_HASH));

    assertEquals(macsMade + 3, notCloneable.macsMade.get());
    assertManyThreadsGetCorrectHashes(fallback, 8, 500);
  }

  @Test
  void manyThreadsHashingDistinctEmailsAtOnceAllGetCorrectHashes() throws Exception {
    assertManyThreadsGetCorrectHashes(hasher, 16, 2_000);
  }

  private static void assertManyThreadsGetCorrectHashes(EmailHasher hasher, int threads, int perThread)
      throws Exception {
    byte[] key = HexFormat.of().parseHex(TestVector.SECRET_HEX);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String[]>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          List<String[]> hashes = new ArrayList<>(perThread);
          for (int i = 0; i < perThread; i++) {
            String email = "user" + thread + "-" + i + "-Ünï😀@example.com";
            hashes.add(new String[] {email, hasher.hash(email)});
          }
          return hashes;
        }));
      }
      start.countDown();
      Mac reference = Mac.getInstance("HmacSHA256");
      reference.init(new SecretKeySpec(key, "HmacSHA256"));
      int checked = 0;
      for (Future<List<String[]>> result : results) {
        for (String[] pair : result.get()) {
          String expected = HexFormat.of().formatHex(reference.doFinal(pair[0].getBytes(StandardCharsets.UTF_8)));
          assertEquals(expected, pair[1], pair[0]);
          assertTrue(hasher.verify(pair[0], pair[1]));
          checked++;
        }
      }
      assertEquals(threads * perThread, checked);
    } finally {
      pool.shutdownNow();
    }
  }
}
