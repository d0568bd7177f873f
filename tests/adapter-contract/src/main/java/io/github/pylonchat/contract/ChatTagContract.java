package io.github.pylonchat.contract;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.ANONYMOUS_WIDGET;
import static io.github.pylonchat.contract.Contract.APP_ID;
import static io.github.pylonchat.contract.Contract.BAD_NONCE;
import static io.github.pylonchat.contract.Contract.GRACE;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.SETUP;
import static io.github.pylonchat.contract.Contract.STRING_USER;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static io.github.pylonchat.contract.Contract.pageWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.contract.model.Customer;
import io.github.pylonchat.contract.model.Guest;
import io.github.pylonchat.contract.model.Member;
import io.github.pylonchat.contract.model.Subscriber;
import io.github.pylonchat.testing.HostileSample;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of every template engine's chat tag, as a page author and a visitor observe it: an
 * adapter's test extends this class, implements {@link #render} and {@link #tagInMessages}, and
 * opts into the parts that its engine has: {@link TemplateVariablesContract} (the tag reads template
 * variables), {@link TagParametersContract} ({@code user} and {@code nonce} parameters) and
 * {@link TagBodyContract} (a tag could be given a body).
 *
 * <p>These tests hand the tag its user and nonce as the engine's pages usually do: through the
 * template variables {@code currentUser} and {@code cspNonce} where the tag reads variables, else
 * through its parameters. They check that the tag writes exactly {@link PylonChatWidget}'s markup,
 * byte for byte, in place of itself; that hostile user text (10,000 random samples and every known
 * hostile piece, also in JWT mode) never leaves its JSON string when the page is parsed and run as a
 * browser would; that nobody logged in means nothing; that every misuse fails the page before any
 * of the widget is written, with the runtime's message behind the tag's name; that the resolver
 * alone decides who is signed; that the disabled form renders nothing; and that one tag serves many
 * threads at once. No rule about users, nonces or secrets lives in an adapter, so the same messages
 * hold in every engine.
 *
 * <p>One instance runs all the tests of a class, with one JavaScript engine (it is the costly part
 * of the property tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChatTagContract implements ContractPages {
  private static final int THREADS = 8;
  private static final int PAGES_PER_THREAD = 100;

  @AutoClose
  private final JsEngine js = new JsEngine();
  /** Rendered for a plain user: user text must never change the loader. */
  private final String loaderScript = HtmlPage.scripts(WIDGET.render(ChatProfile.of("a@example.com", "A"), null)).get(1).code();

  /** Whether the tag reads template variables, so that pages hand it the user and nonce that way. */
  private boolean readsVariables() {
    return this instanceof TemplateVariablesContract;
  }

  /**
   * The page for {@code user} and {@code nonce}, handed to the tag as the engine's pages usually do:
   * the variables {@code currentUser} and {@code cspNonce} of a bare tag where the tag reads
   * variables, else its {@code user} and {@code nonce} parameters.
   */
  protected final String pageFor(ChatTagSetup setup, Object user, Object nonce) throws Exception {
    return page(setup, usualForm(), usualVariables(user, nonce));
  }

  /** The error of {@link #pageFor}'s page, which must fail with the tag's {@code message}. */
  protected final void assertTagErrorFor(String message, ChatTagSetup setup, Object user, Object nonce) {
    assertTagError(message, setup, usualForm(), usualVariables(user, nonce));
  }

  private TagForm usualForm() {
    return readsVariables() ? TagForm.BARE : TagForm.USER_AND_NONCE;
  }

  private Map<String, Object> usualVariables(Object user, Object nonce) {
    return readsVariables()
        ? Contract.variables(ChatTagResolver.DEFAULT_USER_VARIABLE, user, ChatTagResolver.DEFAULT_NONCE_VARIABLE, nonce)
        : Contract.variables(TagForm.USER_VARIABLE, user, TagForm.NONCE_VARIABLE, nonce);
  }

  @Test
  void theTagWritesExactlyTheWidgetsMarkupInPlaceOfItself() throws Exception {
    String html = pageFor(SETUP, ADA, NONCE);

    assertEquals(pageWith(WIDGET.render(ADA, NONCE)), html);
    List<Element> body = Jsoup.parse(html).body().children();
    assertEquals(List.of("p", "script", "script", "p"), body.stream().map(Element::normalName).toList());
    assertTrue(body.get(1).data().startsWith("window.pylon={\"chat_settings\":{"), body.get(1).data());
    assertEquals(List.of(NONCE, NONCE), List.of(body.get(1).attr("nonce"), body.get(2).attr("nonce")));
  }

  @Test
  void aRecordModelAndAChatProfileWorkAsTheUser() throws Exception {
    ChatProfile profile = new ChatProfile("lin@example.com", "Lin", "https://example.com/lin.png", "acme", "crm-7");

    assertEquals(pageWith(WIDGET.render(GRACE, null)), pageFor(SETUP, GRACE, null));
    assertEquals(pageWith(WIDGET.render(profile, NONCE)), pageFor(SETUP, profile, NONCE));
  }

  @Test
  void aUserObjectIsNeverReadThroughItsTextForm() throws Exception {
    Customer blank = new Customer("blank@example.com", null); // toString() is "", which is not "logged out"

    assertEquals(pageWith(WIDGET.render(blank, null)), pageFor(SETUP, blank, null));
  }

  @Test
  void nothingIsRenderedWhenNobodyIsLoggedIn() throws Exception {
    assertEquals(pageWith(""), pageFor(SETUP, null, NONCE));
    assertEquals(pageWith(""), pageFor(SETUP, null, null));
  }

  @Test
  void anonymousVisitorsGetTheWidgetWithoutIdentityWhenConfigured() throws Exception {
    String html = pageFor(ChatTagSetup.of(ANONYMOUS_WIDGET), null, NONCE);

    assertEquals(pageWith(ANONYMOUS_WIDGET.render(null, NONCE)), html);
    assertTrue(html.contains("{\"chat_settings\":{\"app_id\":\"" + APP_ID + "\"}}"), html);
  }

  @Test
  void aMissingOrEmptyNonceGivesScriptsWithoutNonce() throws Exception {
    assertEquals(pageWith(WIDGET.render(ADA, null)), pageFor(SETUP, ADA, null));
    assertEquals(pageWith(WIDGET.render(ADA, null)), pageFor(SETUP, ADA, ""));
    assertFalse(WIDGET.render(ADA, null).contains("nonce"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad nonce", "\"><script>alert(1)</script>", "n0nce;", "é", "=="})
  void aNonceThatIsNotBase64IsAnError(String nonce) {
    assertTagErrorFor(BAD_NONCE, SETUP, ADA, nonce);
  }

  @Test
  void aStringUserIsAnErrorThatDoesNotRepeatTheString() {
    assertTagErrorFor(STRING_USER, SETUP, "ada@example.com", null);
    assertFalse(errorOf(SETUP, usualForm(), usualVariables("ada@example.com", null)).contains("ada@example.com"));
  }

  @Test
  void aMapCollectionOrArrayUserIsAnError() {
    String notAUser = "), not a user object. Pass the logged-in user itself (an object whose class has"
        + " @io.github.pylonchat.ChatEmail) or a ChatProfile; a map or a string is not accepted because only"
        + " @ChatEmail says which value is the verified email";
    assertAll(
        () -> assertTagErrorFor("the user is a map (java.util.HashMap" + notAUser, SETUP,
            new java.util.HashMap<>(Map.of("email", "ada@example.com")), null),
        () -> assertTagErrorFor("the user is a collection (java.util.ArrayList" + notAUser, SETUP,
            new ArrayList<>(List.of(ADA)), null),
        () -> assertTagErrorFor("the user is a collection (" + Customer[].class.getName() + notAUser, SETUP,
            new Customer[] {ADA}, null));
  }

  @Test
  void aNumberUserIsAnError() {
    assertTagErrorFor("the user is a java.lang.Integer, not a user object: pass the logged-in user itself (an"
        + " object whose class has @io.github.pylonchat.ChatEmail), a ChatProfile, or null when nobody is logged in",
        SETUP, 42, null);
  }

  @Test
  void aUserOfATypeWithoutChatEmailIsAnErrorNamingTheTypeAndTheAnnotation() {
    assertTagErrorFor(Guest.class.getName() + " has no chat identity: annotate the member that holds the user's"
        + " email with @io.github.pylonchat.ChatEmail, and make sure pylon-chat-processor is on the"
        + " annotationProcessorPaths so that " + Guest.class.getName() + "ChatIdentity is generated",
        SETUP, new Guest(), null);
  }

  @Test
  void theResolverAloneDecidesWhoIsSignedAndWithWhichNonce() throws Exception {
    ChatTagSetup graceAlways = new ChatTagSetup(WIDGET, (tag, variables) -> new ChatTagResolution(GRACE, "b64url_nonce-1"));
    ChatTagSetup refusing = new ChatTagSetup(WIDGET, (tag, variables) -> {
      throw new IllegalStateException("the tag's user is not the logged-in user");
    });

    assertEquals(pageWith(WIDGET.render(GRACE, "b64url_nonce-1")), pageFor(graceAlways, ADA, NONCE));
    assertEquals(pageWith(WIDGET.render(GRACE, "b64url_nonce-1")), pageFor(graceAlways, null, null));
    assertTagErrorFor("the tag's user is not the logged-in user", refusing, ADA, NONCE);
  }

  @Test
  void theDisabledFormRendersNothing() throws Exception {
    assertEquals(pageWith(""), pageFor(ChatTagSetup.DISABLED, ADA, NONCE));
    assertEquals(pageWith(""), pageFor(ChatTagSetup.DISABLED, null, null));
  }

  @Test
  void userTextIsNeverProcessedAsTemplateSyntax() throws Exception {
    // FreeMarker, Thymeleaf, JSP EL, Mustache and JTE syntax that would print the variable "secret"
    Member mallory = new Member("${secret}@example.com", "[[${secret}]] [(${secret})] <#if secret??>${secret}</#if>",
        null, "{{secret}} {{{secret}}} {{#secret}}x{{/secret}} #{secret}", "<%= secret %> @param String secret");
    Map<String, Object> variables = usualVariables(mallory, NONCE);
    variables.put("secret", "LEAKED");

    String html = page(SETUP, usualForm(), variables);

    assertEquals(pageWith(WIDGET.render(mallory, NONCE)), html);
    assertFalse(html.contains("LEAKED"), html);
  }

  @Test
  void theSecretAndUserDataNeverAppearInErrorMessages() throws Exception {
    StringBuilder seen = new StringBuilder(pageFor(SETUP, ADA, NONCE));
    for (Object[] misuse : List.<Object[]>of(new Object[] {ADA, "bad nonce"}, new Object[] {new Guest(), NONCE},
        new Object[] {"ada@example.com", null}, new Object[] {Map.of("email", "ada@example.com"), null})) {
      seen.append(errorOf(SETUP, usualForm(), usualVariables(misuse[0], misuse[1])));
    }

    String text = seen.toString().toLowerCase(Locale.ROOT);
    assertFalse(text.contains(TestVector.SECRET_HEX.substring(0, 16)), text);
    assertFalse(text.contains(TestVector.SECRET_HEX.substring(48)), text);
    assertEquals(1, text.split("ada@example.com", -1).length - 1, () -> "the email only in the rendered widget: " + text);
    assertTrue(text.contains("email_hash"), "the widget was rendered with a hash");
  }

  @Test
  void everyKnownHostilePieceAloneInEveryFieldReadsBackIdentical() throws Exception {
    for (HostileSample sample : HostileSample.knownPieces()) {
      checkHostile(sample);
    }
  }

  /**
   * Each run draws 10,000 random samples from a new seed; a failure names the seed, and
   * {@code -Dhostile.seed=<seed>} replays the same samples.
   */
  @Test
  void tenThousandRandomHostileSamplesNeverLeaveTheirJsonStringAndReadBackIdentical() {
    HostileSample.forRandomSamples(sample -> {
      try {
        checkHostile(sample);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private void checkHostile(HostileSample sample) throws Exception {
    Object user = sample.asAnnotatedModel()
        ? new Member(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId())
        : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId());
    sample.assertWidget(widgetOf(pageFor(SETUP, user, sample.nonce()), WIDGET, user, sample.nonce()), APP_ID, loaderScript, js);
  }

  @Test
  void inJwtModeEveryKnownHostilePieceInEveryFieldIsSignedAsShownAndReadsBackIdentical() throws Exception {
    ChatTagSetup tokens = ChatTagSetup.of(Contract.TOKEN_WIDGET);
    for (HostileSample sample : HostileSample.knownPieces()) {
      Object user = sample.asAnnotatedModel()
          ? new Subscriber(sample.email(), sample.name(), sample.accountId(), sample.accountExternalId(),
              sample.contactExternalId())
          : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId(),
              sample.contactExternalId());
      String html = widgetOf(pageFor(tokens, user, sample.nonce()), Contract.TOKEN_WIDGET, user, sample.nonce());
      sample.assertTokenWidget(html, APP_ID, loaderScript, js, Contract.JWT_SECRET, Contract.NOW, Contract.TOKEN_LIFETIME);
    }
  }

  /** The widget's markup of the page {@code html}, asserting that it is exactly what {@code widget} writes. */
  private static String widgetOf(String html, PylonChatWidget widget, Object user, String nonce) {
    assertEquals(pageWith(widget.render(user, nonce)), html, "exactly the widget's markup");
    return html.substring(TagForm.BEFORE.length(), html.length() - TagForm.AFTER.length());
  }

  @Test
  void threadsRenderingPagesForDistinctUsersAtOnceEachGetTheHashOfTheirOwnEmail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> checked = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        checked.add(pool.submit(renderPages(t, start)));
      }
      start.countDown();
      int pages = 0;
      for (Future<Integer> result : checked) {
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
      try (JsEngine threadJs = new JsEngine()) {
        for (int i = 0; i < PAGES_PER_THREAD; i++) {
          // Distinct lengths and non-ASCII text, so no two users share a digest input.
          String email = "user-" + t + "-" + i + "x".repeat(i % 70) + "@ex\u00e4mple.com";
          Object user = i % 2 == 0 ? new Member(email, "User " + t + "/" + i, null, "acct-" + t, null) : new Customer(email, null);
          String nonce = "n0nce" + t + "x" + i;

          String html = widgetOf(pageFor(SETUP, user, nonce), WIDGET, user, nonce);

          List<HtmlPage.Script> scripts = HtmlPage.scripts(html);
          assertEquals(nonce, scripts.get(0).nonce());
          Map<String, String> read = threadJs.chatSettings(scripts.get(0).code());
          assertEquals(email, read.get("email"));
          assertEquals(ReferenceHmac.emailHash(email), read.get("email_hash"), email);
        }
      }
      return PAGES_PER_THREAD;
    };
  }
}
