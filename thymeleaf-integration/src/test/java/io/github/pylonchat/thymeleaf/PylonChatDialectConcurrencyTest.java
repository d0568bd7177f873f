package io.github.pylonchat.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.thymeleaf.testmodel.Customer;
import io.github.pylonchat.thymeleaf.testmodel.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/** One engine and one dialect shared by many threads, as in a web server. */
class PylonChatDialectConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PAGES_PER_THREAD = 250;
  private static final String PAGE = "<html><body><h1 th:text=\"${heading}\">Title</h1><pylon:chat/></body></html>";

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId("8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f")
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();

  @ParameterizedTest
  @EnumSource(Engines.class)
  void threadsRenderingPagesForDistinctUsersAtOnceEachGetTheHashOfTheirOwnEmail(Engines engines) throws Exception {
    TemplateEngine engine = engines.create(new PylonChatDialect(widget), TemplateMode.HTML);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> verified = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        verified.add(pool.submit(renderPages(engine, t, start)));
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
  private Callable<Integer> renderPages(TemplateEngine engine, int t, CountDownLatch start) {
    return () -> {
      start.await();
      try (JsEngine js = new JsEngine()) {
        for (int i = 0; i < PAGES_PER_THREAD; i++) {
          // Distinct lengths and non-ASCII text, so no two users share a digest input.
          String email = "user-" + t + "-" + i + "x".repeat(i % 70) + "@ex\u00e4mple.com";
          Object user = i % 2 == 0 ? new Member(email, "User " + t + "/" + i, null, "acct-" + t, null) : new Customer(email, null);
          String nonce = "n0nce" + t + "x" + i;

          String page = engine.process(PAGE, new Context(Locale.ROOT,
              Map.of("currentUser", user, "cspNonce", nonce, "heading", "Page " + t + "/" + i)));

          Element body = Jsoup.parse(page).body();
          assertEquals("Page " + t + "/" + i, body.child(0).text());
          String widgetMarkup = page.substring(page.indexOf("</h1>") + 5, page.indexOf("</body>"));
          List<HtmlPage.Script> scripts = HtmlPage.scripts(widgetMarkup);
          assertEquals(nonce, scripts.get(0).nonce());
          Map<String, String> read = js.chatSettings(scripts.get(0).code());
          assertEquals(email, read.get("email"));
          assertEquals(ReferenceHmac.emailHash(email), read.get("email_hash"), email);
        }
      }
      return PAGES_PER_THREAD;
    };
  }
}
