package io.github.pylonchat.freemarker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.pylonchat.AnonymousVisitors;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.freemarker.testmodel.Customer;
import io.github.pylonchat.freemarker.testmodel.Guest;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PylonChatDirectiveTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  private static final String SECRET = "c0ffee00deadbeef0123456789abcdef00112233445566778899aabbccddeeff";
  private static final String NONCE = "rAnd0m+/Nonce==";

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID).identitySecret(IdentitySecret.ofHex(SECRET)).build();
  private final Customer ada = new Customer("ada@example.com", "Ada <b>\"Countess\"</b> & </script>");
  private final StringWriter out = new StringWriter();

  private static Configuration configuration(PylonChatWidget widget) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(new StringTemplateLoader());
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    PylonChatDirective.install(cfg, widget);
    return cfg;
  }

  /** Processes {@code source} as the template {@code name} (its extension picks the output format). */
  private String render(Configuration cfg, String name, String source, Map<String, Object> model)
      throws IOException, TemplateException {
    ((StringTemplateLoader) cfg.getTemplateLoader()).putTemplate(name, source);
    cfg.getTemplate(name).process(model, out);
    return out.toString();
  }

  private String render(String name, String source, Map<String, Object> model) throws IOException, TemplateException {
    return render(configuration(widget), name, source, model);
  }

  /** The message of the template error {@code source} raises, without FreeMarker's FTL stack. */
  private String errorOf(PylonChatWidget widget, String source, Map<String, Object> model) {
    TemplateException e = assertThrows(TemplateException.class, () -> render(configuration(widget), "page.ftlh", source, model));
    assertFalse(out.toString().contains("<script"), "nothing of the widget is written on an error");
    return e.getMessageWithoutStackTop();
  }

  private String errorOf(String source, Map<String, Object> model) {
    return errorOf(widget, source, model);
  }

  private static Map<String, Object> model(Object... keysAndValues) {
    Map<String, Object> model = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      model.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return model;
  }

  @Test
  void inAnFtlhTemplateTheWidgetIsWrittenUnescapedWhileTheRestIsAutoEscaped() throws Exception {
    String html = render("layout.ftlh", "<html><body><h1>${currentUser.displayName}</h1><@pylonChat/></body></html>",
        model("currentUser", ada, "cspNonce", NONCE));

    assertEquals("<html><body><h1>Ada &lt;b&gt;&quot;Countess&quot;&lt;/b&gt; &amp; &lt;/script&gt;</h1>"
        + widget.render(ada, NONCE) + "</body></html>", html);
    List<Element> body = Jsoup.parse(html).body().children();
    assertEquals(List.of("h1", "script", "script"), body.stream().map(Element::normalName).toList());
    assertTrue(body.get(1).data().startsWith("window.pylon={\"chat_settings\":{"), body.get(1).data());
    assertEquals(List.of(NONCE, NONCE), List.of(body.get(1).attr("nonce"), body.get(2).attr("nonce")));
  }

  @Test
  void inAnFtlTemplateTheWidgetIsWrittenAsIs() throws Exception {
    String html = render("layout.ftl", "<body><@pylonChat/></body>", model("currentUser", ada, "cspNonce", NONCE));

    assertEquals("<body>" + widget.render(ada, NONCE) + "</body>", html);
  }

  @Test
  void withoutParametersTheUserAndNonceComeFromTheDataModelVariablesUserAndCspNonce() throws Exception {
    assertEquals(widget.render(ada, NONCE), render("page.ftlh", "<@pylonChat/>", model("currentUser", ada, "cspNonce", NONCE)));
    assertEquals("currentUser", ChatTagResolver.DEFAULT_USER_VARIABLE);
    assertEquals("cspNonce", ChatTagResolver.DEFAULT_NONCE_VARIABLE);
  }

  @Test
  void theUserParameterOverridesTheUserVariable() throws Exception {
    Customer grace = new Customer("grace@example.com", "Grace");

    String html = render("page.ftlh", "<@pylonChat user=member/>", model("currentUser", ada, "member", grace));

    assertEquals(widget.render(grace, null), html);
  }

  @Test
  void theNonceParameterOverridesTheCspNonceVariable() throws Exception {
    String html = render("page.ftlh", "<@pylonChat nonce=pageNonce/>", model("currentUser", ada, "cspNonce", NONCE, "pageNonce", "b64url_nonce-1"));

    assertEquals(widget.render(ada, "b64url_nonce-1"), html);
  }

  @Test
  void aChatProfileWorksAsTheUser() throws Exception {
    ChatProfile profile = ChatProfile.of("grace@example.com", "Grace");

    assertEquals(widget.render(profile, null), render("page.ftl", "<@pylonChat user=profile/>", model("profile", profile)));
  }

  @Test
  void aUserObjectIsNeverReadThroughItsTextForm() throws Exception {
    // Customer.toString() is "", which must not be taken for "logged out".
    assertEquals(widget.render(ada, null), render("page.ftlh", "<@pylonChat/>", model("currentUser", ada)));
  }

  @Test
  void nothingIsRenderedWhenNobodyIsLoggedIn() throws Exception {
    Map<String, Object> nullUser = model("currentUser", null, "cspNonce", NONCE);
    assertAll(
        () -> assertEquals("<p></p>", renderFresh("page.ftlh", "<p><@pylonChat/></p>", model("cspNonce", NONCE))),
        () -> assertEquals("<p></p>", renderFresh("page.ftlh", "<p><@pylonChat/></p>", nullUser)),
        () -> assertEquals("<p></p>", renderFresh("page.ftl", "<p><@pylonChat user=currentUser!/></p>", model())),
        () -> assertEquals("<p></p>", renderFresh("page.ftl", "<p><@pylonChat user=\"\"/></p>", model())));
  }

  @Test
  void aMissingCurrentUserGivenWithBangIsLoggedOutAndAPresentOneIsRendered() throws Exception {
    assertEquals(widget.render(ada, null), render("page.ftlh", "<@pylonChat user=currentUser!/>", model("currentUser", ada)));
  }

  @Test
  void anonymousVisitorsGetTheAnonymousWidgetWhenConfigured() throws Exception {
    PylonChatWidget open = PylonChatWidget.builder().appId(APP_ID).identitySecret(IdentitySecret.ofHex(SECRET))
        .anonymousVisitors(AnonymousVisitors.WIDGET).build();

    String html = render(configuration(open), "page.ftlh", "<@pylonChat nonce=cspNonce!/>", model("cspNonce", NONCE));

    assertEquals(open.render(null, NONCE), html);
    assertTrue(html.contains("{\"chat_settings\":{\"app_id\":\"" + APP_ID + "\"}}"), html);
  }

  @Test
  void aMissingOrEmptyNonceGivesScriptsWithoutNonce() throws Exception {
    assertAll(
        () -> assertEquals(widget.render(ada, null), renderFresh("page.ftlh", "<@pylonChat/>", model("currentUser", ada))),
        () -> assertEquals(widget.render(ada, null), renderFresh("page.ftlh", "<@pylonChat nonce=n!/>", model("currentUser", ada))),
        () -> assertEquals(widget.render(ada, null), renderFresh("page.ftlh", "<@pylonChat/>", model("currentUser", ada, "cspNonce", ""))));
  }

  private String renderFresh(String name, String source, Map<String, Object> model) throws IOException, TemplateException {
    out.getBuffer().setLength(0);
    return render(name, source, model);
  }

  @Test
  void customResolversReplaceTheDefaultVariables() throws Exception {
    Configuration cfg = configuration(widget);
    PylonChatDirective directive = new PylonChatDirective(widget,
        ChatTagResolver.templateVariables("currentMember", "requestNonce"));
    assertSame(directive, PylonChatDirective.install(cfg, directive));

    String html = render(cfg, "page.ftlh", "<@pylonChat/>", model("currentMember", ada, "requestNonce", NONCE, "currentUser", "ignored"));

    assertEquals(widget.render(ada, NONCE), html);
  }

  @Test
  void installRegistersTheSharedVariablePylonChat() throws Exception {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);

    PylonChatDirective directive = PylonChatDirective.install(cfg, widget);

    assertSame(directive, cfg.getSharedVariable("pylonChat"));
  }

  @Test
  void anUnknownParameterIsAnErrorNamingTheAllowedOnes() {
    assertEquals("<@pylonChat/> has no parameter \"usr\"; the allowed parameters are user and nonce, e.g."
        + " <@pylonChat user=currentUser! nonce=cspNonce!/>", errorOf("<@pylonChat usr=currentUser/>", model("currentUser", ada)));
  }

  @Test
  void aBodyIsAnError() {
    assertEquals("<@pylonChat/> takes no body; write it as an empty tag: <@pylonChat/>",
        errorOf("<@pylonChat>chat</@pylonChat>", model("currentUser", ada)));
  }

  @Test
  void loopVariablesAreAnError() {
    assertEquals("<@pylonChat/> has no loop variables; remove the \"; x\" part",
        errorOf("<@pylonChat; x/>", model("currentUser", ada)));
  }

  @Test
  void aUserOfATypeWithoutChatEmailIsAnErrorNamingTheTypeAndTheAnnotation() {
    assertEquals("<@pylonChat/>: io.github.pylonchat.freemarker.testmodel.Guest has no chat identity: annotate the"
        + " member that holds the user's email with @io.github.pylonchat.ChatEmail, and make sure"
        + " pylon-chat-processor is on the annotationProcessorPaths so that"
        + " io.github.pylonchat.freemarker.testmodel.GuestChatIdentity is generated",
        errorOf("<@pylonChat/>", model("currentUser", new Guest())));
  }

  @Test
  void aStringUserIsAnErrorThatDoesNotRepeatTheString() {
    String message = errorOf("<@pylonChat user=\"ada@example.com\"/>", model());

    assertEquals("<@pylonChat user=...>: the user is a string, not a user object. Pass the logged-in user"
        + " itself (an object whose class has @io.github.pylonchat.ChatEmail) or a ChatProfile; a map or"
        + " a string is not accepted because only @ChatEmail says which value is the verified email", message);
  }

  @Test
  void aHashOrMapUserIsAnError() {
    String fromLiteral = errorOf("<@pylonChat user={\"email\": \"ada@example.com\"}/>", model());
    String fromMap = errorOf("<@pylonChat/>", model("currentUser", Map.of("email", "ada@example.com")));

    assertTrue(fromLiteral.startsWith("<@pylonChat user=...>: the user is a map ("), fromLiteral);
    assertTrue(fromMap.startsWith("<@pylonChat/>: the user is a map ("), fromMap);
    assertTrue(fromMap.endsWith("), not a user object. Pass the logged-in user itself (an object whose class"
        + " has @io.github.pylonchat.ChatEmail) or a ChatProfile; a map or a string is not accepted because"
        + " only @ChatEmail says which value is the verified email"), fromMap);
    assertFalse(fromMap.contains("ada@example.com"));
  }

  @Test
  void aSequenceOrNumberUserIsAnError() {
    assertTrue(errorOf("<@pylonChat user=[currentUser]/>", model("currentUser", ada))
        .startsWith("<@pylonChat user=...>: the user is a collection ("));
    assertEquals("<@pylonChat user=...>: the user is a java.math.BigDecimal, not a user object: pass the"
        + " logged-in user itself (an object whose class has @io.github.pylonchat.ChatEmail), a ChatProfile,"
        + " or null when nobody is logged in", errorOf("<@pylonChat user=42/>", model()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad nonce", "\"><script>alert(1)</script>", "n0nce;", "é"})
  void aNonceThatIsNotBase64IsAnError(String nonce) {
    assertEquals("<@pylonChat/>: the CSP nonce must be base64 or base64url (letters, digits, + / - _ and up to"
        + " two = at the end); generate it from random bytes with Base64.getEncoder()",
        errorOf("<@pylonChat/>", model("currentUser", ada, "cspNonce", nonce)));
  }

  @Test
  void aNonceThatIsNotAStringIsAnError() {
    assertEquals("<@pylonChat/>: the nonce must be a string, got a java.math.BigDecimal; pass the page's CSP"
        + " nonce", errorOf("<@pylonChat nonce=42/>", model("currentUser", ada)));
  }

  @Test
  void theSecretNeverAppearsInOutputOrErrorMessages() throws Exception {
    StringBuilder seen = new StringBuilder(render("page.ftlh", "<@pylonChat/>", model("currentUser", ada, "cspNonce", NONCE)));
    for (String source : List.of("<@pylonChat nonce=\"bad nonce\"/>", "<@pylonChat user=guest/>",
        "<@pylonChat user=\"x\"/>", "<@pylonChat secret=1/>", "<@pylonChat>x</@pylonChat>")) {
      TemplateException e = assertThrows(TemplateException.class,
          () -> renderFresh("page.ftlh", source, model("currentUser", ada, "guest", new Guest())));
      for (Throwable t = e; t != null; t = t.getCause()) {
        seen.append(t.getMessage()).append(t);
      }
    }
    seen.append(out);

    String text = seen.toString().toLowerCase(java.util.Locale.ROOT);
    assertFalse(text.contains(SECRET.substring(0, 16)));
    assertFalse(text.contains(SECRET.substring(48)));
    assertTrue(text.contains("email_hash"), "the widget was rendered with a hash");
  }
}
