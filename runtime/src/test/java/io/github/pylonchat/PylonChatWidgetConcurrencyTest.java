package io.github.pylonchat;

import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.testmodel.Member;
import io.github.pylonchat.testmodel.Staff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PylonChatWidgetConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PAGES_PER_THREAD = 250;

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId("8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f")
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();

  @Test
  void threadsRenderingForDistinctUsersAtOnceEachGetTheHashOfTheirOwnEmail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> verified = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        verified.add(pool.submit(renderPages(t, start)));
      }
      start.countDown();
      int pages = 0;
      for (Future<Integer> result : verified) {
        pages += result.get();
      }
      assertEquals(THREADS * PAGES_PER_THREAD, pages);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Renders pages for users of thread {@code t} and checks each; returns how many it checked. */
  private Callable<Integer> renderPages(int t, CountDownLatch start) {
    return () -> {
      start.await();
      try (JsEngine js = new JsEngine()) {
        for (int i = 0; i < PAGES_PER_THREAD; i++) {
          // Distinct lengths and non-ASCII text, so no two users share a digest input.
          String email = "user-" + t + "-" + i + "x".repeat(i % 70) + "@ex\u00e4mple.com";
          Object user = i % 2 == 0 ? new Member(email, "User " + t + "/" + i, null, "acct-" + t, null) : new Staff(email, null);

          Map<String, String> read = js.chatSettings(HtmlPage.scripts(widget.render(user, "n0nce")).get(0).code());

          assertEquals(email, read.get("email"));
          assertEquals(ReferenceHmac.emailHash(email), read.get("email_hash"), email);
        }
      }
      return PAGES_PER_THREAD;
    };
  }
}
