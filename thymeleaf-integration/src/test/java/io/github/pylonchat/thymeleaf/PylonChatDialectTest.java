package io.github.pylonchat.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.AnonymousVisitors;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.thymeleaf.testmodel.Customer;
import io.github.pylonchat.thymeleaf.testmodel.Guest;
import io.github.pylonchat.thymeleaf.testmodel.Member;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * What a page author observes of {@code <pylon:chat/>}; run in both engines by the subclasses
 * ({@link PylonChatDialectInTemplateEngineTest}, {@link PylonChatDialectInSpringTemplateEngineTest}).
 */
abstract class PylonChatDialectTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  private static final String NONCE = "rAnd0m+/Nonce==";
  private static final String STRING_USER = "the user is a string, not a user object. Pass the logged-in user"
      + " itself (an object whose class has @io.github.pylonchat.ChatEmail) or a ChatProfile; a map or a"
      + " string is not accepted because only @ChatEmail says which value is the verified email";

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID).identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX)).build();
  private final Customer ada = new Customer("ada@example.com", "Ada <b>\"Countess\"</b> & </script>");
  private final Member grace = new Member("grace@example.com", "Grace", null, "navy", null);
  private final StringWriter out = new StringWriter();

  /** The engine under test. */
  abstract Engines engines();

  private TemplateEngine engine(PylonChatDialect dialect) {
    return engines().create(dialect, TemplateMode.HTML);
  }

  private String render(TemplateEngine engine, String template, Map<String, Object> variables) {
    out.getBuffer().setLength(0);
    engine.process(template, new Context(Locale.ROOT, variables), out);
    return out.toString();
  }

  private String render(String template, Map<String, Object> variables) {
    return render(engine(new PylonChatDialect(widget)), template, variables);
  }

  /**
   * The message of the error {@code template} raises, without Thymeleaf's location suffix, after
   * checking that nothing of the widget was written.
   */
  private String errorOf(TemplateEngine engine, String template, Map<String, Object> variables) {
    TemplateProcessingException e = assertThrows(TemplateProcessingException.class,
        () -> render(engine, template, variables));
    assertFalse(out.toString().contains("<script"), "nothing of the widget is written on an error: " + out);
    assertFalse(out.toString().contains("pylon"), "nothing of the widget is written on an error: " + out);
    return withoutLocation(e.getMessage());
  }

  private String errorOf(String template, Map<String, Object> variables) {
    return errorOf(engine(new PylonChatDialect(widget)), template, variables);
  }

  /** Thymeleaf ends a message with {@code (template: "<name>" - line L, col C)}; the name is the text here. */
  private static String withoutLocation(String message) {
    int location = message.lastIndexOf(" (template: \"");
    return location < 0 ? message : message.substring(0, location);
  }

  private static Map<String, Object> model(Object... keysAndValues) {
    Map<String, Object> model = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      model.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return model;
  }

  @Test
  void theTagIsReplacedByExactlyTheWidgetUnescapedWhileTheRestOfThePageIsEscaped() {
    String html = render("<html><body><h1 th:text=\"${currentUser.displayName}\">Name</h1>\n<pylon:chat/>\n</body></html>",
        model("currentUser", ada, "cspNonce", NONCE));

    assertEquals("<html><body><h1>Ada &lt;b&gt;&quot;Countess&quot;&lt;/b&gt; &amp; &lt;/script&gt;</h1>\n"
        + widget.render(ada, NONCE) + "\n</body></html>", html);
    List<Element> body = Jsoup.parse(html).body().children();
    assertEquals(List.of("h1", "script", "script"), body.stream().map(Element::normalName).toList());
    assertTrue(body.get(1).data().startsWith("window.pylon={\"chat_settings\":{"), body.get(1).data());
    assertEquals(List.of(NONCE, NONCE), List.of(body.get(1).attr("nonce"), body.get(2).attr("nonce")));
  }

  @Test
  void withoutAttributesTheUserAndNonceComeFromTheVariablesCurrentUserAndCspNonce() {
    assertEquals(widget.render(grace, NONCE), render("<pylon:chat/>", model("currentUser", grace, "cspNonce", NONCE)));
  }

  @Test
  void theUserAttributeOverridesCurrentUser() {
    assertEquals(widget.render(grace, NONCE),
        render("<pylon:chat user=\"${member}\"/>", model("currentUser", ada, "member", grace, "cspNonce", NONCE)));
  }

  @Test
  void theNonceAttributeOverridesCspNonce() {
    assertEquals(widget.render(ada, "b64url_nonce-1"), render("<pylon:chat nonce=\"${pageNonce}\"/>",
        model("currentUser", ada, "cspNonce", NONCE, "pageNonce", "b64url_nonce-1")));
  }

  @Test
  void attributeValuesAreStandardExpressionsThatSeeLocalVariables() {
    Map<String, Object> model = model("members", List.of(ada, grace), "admin", true);
    assertAll(
        () -> assertEquals(widget.render(grace, null), render("<pylon:chat user=\"${members[1]}\"/>", model)),
        () -> assertEquals(widget.render(ada, null),
            render("<pylon:chat th:with=\"first=${members[0]}\" user=\"${first}\"/>", model)),
        () -> assertEquals(widget.render(grace, null),
            render("<pylon:chat user=\"${admin ? members[1] : null}\"/>", model)),
        () -> assertEquals(widget.render(ada, "abc"), render("<pylon:chat user=\"${members[0]}\" nonce=\"'abc'\"/>", model)));
  }

  @Test
  void theStandardDialectsConditionsApplyBeforeTheTag() {
    Map<String, Object> model = model("currentUser", ada, "chatOn", true, "chatOff", false);
    assertAll(
        () -> assertEquals("<p></p>", render("<p><pylon:chat th:if=\"${chatOff}\"/></p>", model)),
        () -> assertEquals("<p></p>", render("<p><pylon:chat th:unless=\"${chatOn}\"/></p>", model)),
        () -> assertEquals("<p>" + widget.render(ada, null) + "</p>", render("<p><pylon:chat th:if=\"${chatOn}\"/></p>", model)));
  }

  @Test
  void aChatProfileWorksAsTheUser() {
    ChatProfile profile = ChatProfile.of("grace@example.com", "Grace");

    assertEquals(widget.render(profile, null), render("<pylon:chat user=\"${profile}\"/>", model("profile", profile)));
  }

  @Test
  void aUserObjectIsNeverReadThroughItsTextForm() {
    // Customer.toString() is "", which must not be taken for "logged out".
    assertEquals(widget.render(ada, null), render("<pylon:chat/>", model("currentUser", ada)));
  }

  @Test
  void nothingIsRenderedWhenNobodyIsLoggedIn() {
    assertAll(
        () -> assertEquals("<p></p>", render("<p><pylon:chat/></p>", model("cspNonce", NONCE))),
        () -> assertEquals("<p></p>", render("<p><pylon:chat/></p>", model("currentUser", null, "cspNonce", NONCE))),
        () -> assertEquals("<p></p>", render("<p><pylon:chat user=\"${member}\"/></p>", model("currentUser", ada))),
        () -> assertEquals("<p></p>", render("<p><pylon:chat user=\"${null}\"/></p>", model("currentUser", ada))));
  }

  @Test
  void anonymousVisitorsGetTheAnonymousWidgetWhenConfigured() {
    PylonChatWidget open = PylonChatWidget.builder().appId(APP_ID).identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
        .anonymousVisitors(AnonymousVisitors.WIDGET).build();

    String html = render(engine(new PylonChatDialect(open)), "<pylon:chat/>", model("cspNonce", NONCE));

    assertEquals(open.render(null, NONCE), html);
    assertTrue(html.contains("{\"chat_settings\":{\"app_id\":\"" + APP_ID + "\"}}"), html);
  }

  @Test
  void aDisabledDialectRendersNothingButStillRejectsMistakes() {
    TemplateEngine engine = engine(PylonChatDialect.disabled());
    Map<String, Object> model = model("currentUser", ada, "cspNonce", NONCE);

    assertEquals("<p></p>", render(engine, "<p><pylon:chat/></p>", model));
    assertEquals("<p></p>", render(engine, "<p><pylon:chat user=\"${currentUser}\" nonce=\"${cspNonce}\"/></p>", model));
    assertTrue(errorOf(engine, "<pylon:chat usr=\"${currentUser}\"/>", model).startsWith("<pylon:chat/> has no attribute \"usr\""));
  }

  @Test
  void aMissingOrEmptyNonceGivesScriptsWithoutNonce() {
    assertAll(
        () -> assertEquals(widget.render(ada, null), render("<pylon:chat/>", model("currentUser", ada))),
        () -> assertEquals(widget.render(ada, null), render("<pylon:chat nonce=\"${missing}\"/>", model("currentUser", ada))),
        () -> assertEquals(widget.render(ada, null), render("<pylon:chat/>", model("currentUser", ada, "cspNonce", ""))));
  }

  @Test
  void customResolversReplaceTheDefaultVariables() {
    PylonChatDialect dialect = new PylonChatDialect(widget, ChatTagResolver.templateVariables("currentMember", "requestNonce"));

    String html = render(engine(dialect), "<pylon:chat/>",
        model("currentMember", ada, "requestNonce", NONCE, "currentUser", grace, "cspNonce", "ignored"));

    assertEquals(widget.render(ada, NONCE), html);
  }

  @Test
  void theResolverGetsTheAttributesAndTheContextVariables() {
    PylonChatDialect dialect = new PylonChatDialect(widget, (tag, variables) -> {
      assertEquals(List.of(true, grace, false), List.of(tag.userGiven(), tag.user(), tag.nonceGiven()));
      return new ChatTagResolution(variables.apply("principal"), null);
    });

    assertEquals(widget.render(ada, null), render(engine(dialect), "<pylon:chat user=\"${member}\"/>",
        model("member", grace, "principal", ada)));
  }

  @Test
  void userTextIsNeverProcessedAsThymeleafSyntax() {
    Member mallory = new Member("[[${secret}]]@example.com", "[(${secret})] ${secret} <p th:text=\"${secret}\">",
        null, "__${secret}__", "[# th:text=\"${secret}\"/]");

    String html = render("<body><pylon:chat/></body>", model("currentUser", mallory, "secret", "LEAKED"));

    assertEquals("<body>" + widget.render(mallory, null) + "</body>", html);
    assertFalse(html.contains("LEAKED"), html);
  }

  @Test
  void anotherPrefixRenamesTheTag() {
    TemplateEngine engine = engines().create(TemplateMode.HTML, true);
    engine.addDialect("chat", new PylonChatDialect(widget));

    assertEquals(widget.render(ada, null), render(engine, "<chat:chat/>", model("currentUser", ada)));
    assertEquals("<chat:chat/> has no attribute \"usr\"; the allowed attributes are user and nonce, e.g."
        + " <chat:chat user=\"${currentUser}\" nonce=\"${cspNonce}\"/>", errorOf(engine, "<chat:chat usr=\"1\"/>", model()));
  }

  @Test
  void theNamespaceDeclarationIsRemovedLikeThymeleafsOwn() {
    String html = render("<html xmlns:th=\"http://www.thymeleaf.org\" xmlns:pylon=\"https://github.com/pylonchat\">"
        + "<body><pylon:chat/></body></html>", model("currentUser", ada));

    assertEquals("<html><body>" + widget.render(ada, null) + "</body></html>", html);
  }

  @Test
  void anUnknownAttributeIsAnErrorNamingTheAllowedOnes() {
    assertEquals("<pylon:chat/> has no attribute \"usr\"; the allowed attributes are user and nonce, e.g."
        + " <pylon:chat user=\"${currentUser}\" nonce=\"${cspNonce}\"/>",
        errorOf("<p>before</p><pylon:chat usr=\"${currentUser}\"/>", model("currentUser", ada)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<pylon:chat>Chat with us</pylon:chat>", "<pylon:chat></pylon:chat>"})
  void aBodyOrAClosingTagIsAnError(String template) {
    assertEquals("<pylon:chat/> takes no body and no closing tag; write it as an empty element: <pylon:chat/>",
        errorOf(template, model("currentUser", ada)));
  }

  @Test
  void aUserOfATypeWithoutChatEmailIsAnErrorNamingTheTypeAndTheAnnotation() {
    assertEquals("<pylon:chat/>: io.github.pylonchat.thymeleaf.testmodel.Guest has no chat identity: annotate the"
        + " member that holds the user's email with @io.github.pylonchat.ChatEmail, and make sure"
        + " pylon-chat-processor is on the annotationProcessorPaths so that"
        + " io.github.pylonchat.thymeleaf.testmodel.GuestChatIdentity is generated",
        errorOf("<pylon:chat/>", model("currentUser", new Guest())));
  }

  @Test
  void aStringUserIsAnErrorThatDoesNotRepeatTheString() {
    assertAll(
        () -> assertEquals("<pylon:chat/>: " + STRING_USER, errorOf("<pylon:chat/>", model("currentUser", "ada@example.com"))),
        () -> assertEquals("<pylon:chat user=...>: " + STRING_USER,
            errorOf("<pylon:chat user=\"${currentUser.email}\"/>", model("currentUser", ada))),
        () -> assertEquals("<pylon:chat user=...>: " + STRING_USER, errorOf("<pylon:chat user=\"'ada@example.com'\"/>", model())));
  }

  @Test
  void aLiteralWithoutDollarBracesIsAStringAndAnError() {
    // A bare word is a Thymeleaf token literal (a string), not the variable of that name.
    assertEquals("<pylon:chat user=...>: " + STRING_USER, errorOf("<pylon:chat user=\"member\"/>", model("member", grace)));
  }

  @Test
  void aValueThatIsNotAnExpressionIsAnErrorThatDoesNotRepeatTheValue() {
    String message = errorOf("<pylon:chat user=\"ada@example.com\"/>", model());

    assertEquals("<pylon:chat/>: the value of the attribute user is not a Thymeleaf expression; write an"
        + " expression such as user=\"${member}\"", message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<pylon:chat user/>|user=\"${member}\"",
      "<pylon:chat user=\"\"/>|user=\"${member}\"",
      "<pylon:chat nonce=\" \"/>|nonce=\"${requestNonce}\""})
  void anAttributeWithoutValueIsAnError(String template, String example) {
    String attribute = example.substring(0, example.indexOf('='));
    assertEquals("<pylon:chat/>: the attribute " + attribute + " has no value; give it an expression such as "
        + example + ", or leave it out", errorOf(template, model("currentUser", ada)));
  }

  @Test
  void aMapOrCollectionUserIsAnError() {
    String fromMap = errorOf("<pylon:chat/>", model("currentUser", Map.of("email", "ada@example.com")));
    String fromList = errorOf("<pylon:chat user=\"${members}\"/>", model("members", List.of(ada)));
    String fromArray = errorOf("<pylon:chat user=\"${members}\"/>", model("members", new Customer[] {ada}));

    assertTrue(fromMap.startsWith("<pylon:chat/>: the user is a map ("), fromMap);
    assertTrue(fromMap.endsWith("), not a user object. Pass the logged-in user itself (an object whose class"
        + " has @io.github.pylonchat.ChatEmail) or a ChatProfile; a map or a string is not accepted because"
        + " only @ChatEmail says which value is the verified email"), fromMap);
    assertFalse(fromMap.contains("ada@example.com"), fromMap);
    assertTrue(fromList.startsWith("<pylon:chat user=...>: the user is a collection ("), fromList);
    assertTrue(fromArray.startsWith("<pylon:chat user=...>: the user is a collection ("), fromArray);
  }

  @Test
  void aNumberUserIsAnError() {
    assertEquals("<pylon:chat user=...>: the user is a java.lang.Integer, not a user object: pass the logged-in"
        + " user itself (an object whose class has @io.github.pylonchat.ChatEmail), a ChatProfile, or null when"
        + " nobody is logged in", errorOf("<pylon:chat user=\"${42}\"/>", model()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad nonce", "\"><script>alert(1)</script>", "n0nce;", "é"})
  void aNonceThatIsNotBase64IsAnError(String nonce) {
    assertEquals("<pylon:chat/>: the CSP nonce must be base64 or base64url (letters, digits, + / - _ and up to"
        + " two = at the end); generate it from random bytes with Base64.getEncoder()",
        errorOf("<pylon:chat/>", model("currentUser", ada, "cspNonce", nonce)));
  }

  @Test
  void aNonceThatIsNotAStringIsAnError() {
    assertEquals("<pylon:chat/>: the nonce must be a string, got a java.lang.Integer; pass the page's CSP nonce",
        errorOf("<pylon:chat nonce=\"${42}\"/>", model("currentUser", ada)));
  }

  @Test
  void aFailingTagWritesNothingOfTheWidgetWhileThePageBeforeItIsWritten() {
    TemplateProcessingException e = assertThrows(TemplateProcessingException.class, () -> render(
        "<html><body><p>before</p>\n<pylon:chat/></body></html>", model("currentUser", grace, "cspNonce", "bad nonce")));

    assertEquals("<html><body><p>before</p>\n", out.toString(), "Thymeleaf streams the page; the widget is not in it");
    assertEquals(2, e.getLine(), "the error points at the tag");
    assertEquals(1, e.getCol());
  }

  @Test
  void withTemplateCachingOffTheMessageIsTheCauseOfThymeleafsParsingError() {
    TemplateEngine uncached = engines().create(TemplateMode.HTML, false);
    uncached.addDialect(new PylonChatDialect(widget));

    TemplateProcessingException e = assertThrows(TemplateProcessingException.class,
        () -> render(uncached, "<p>before</p><pylon:chat/>", model("currentUser", new Guest())));

    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("<pylon:chat/>: io.github.pylonchat.thymeleaf.testmodel.Guest has no chat identity"),
        messages.toString());
    assertEquals("<p>before</p>", out.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "XML|<page><pylon:chat/></page>",
      "TEXT|Hello [#pylon:chat/]",
      "JAVASCRIPT|var chat = /*[#pylon:chat/]*/ null;",
      "CSS|body { } /*[#pylon:chat/]*/"})
  void inAnyOtherTemplateModeTheTagIsAnError(TemplateMode mode, String template) {
    TemplateEngine engine = engines().create(new PylonChatDialect(widget), mode);

    assertEquals("<pylon:chat/> works only in HTML templates, but this template is processed in template mode "
        + mode + "; put the tag in the HTML page (layout), before </body>", errorOf(engine, template, model("currentUser", ada)));
  }

  @Test
  void theSecretAndUserDataNeverAppearInErrorMessages() {
    StringBuilder seen = new StringBuilder(render("<pylon:chat/>", model("currentUser", ada, "cspNonce", NONCE)));
    for (String template : List.of("<pylon:chat nonce=\"'bad nonce'\"/>", "<pylon:chat user=\"${guest}\"/>",
        "<pylon:chat user=\"${currentUser.email}\"/>", "<pylon:chat user=\"${profile}\"/>", "<pylon:chat secret=\"1\"/>",
        "<pylon:chat>x</pylon:chat>")) {
      TemplateProcessingException e = assertThrows(TemplateProcessingException.class, () -> render(template,
          model("currentUser", ada, "guest", new Guest(), "profile", Map.of("email", "ada@example.com", "name", "Ada"))));
      for (Throwable t = e; t != null; t = t.getCause()) {
        seen.append(withoutLocation(t.getMessage())).append(t.getClass().getName());
      }
    }
    seen.append(out);

    String text = seen.toString().toLowerCase(Locale.ROOT);
    assertFalse(text.contains(TestVector.SECRET_HEX.substring(0, 16)));
    assertFalse(text.contains(TestVector.SECRET_HEX.substring(48)));
    assertEquals(1, text.split("ada@example.com", -1).length - 1, "the email only in the rendered widget: " + text);
    assertTrue(text.contains("email_hash"), "the widget was rendered with a hash");
  }
}
