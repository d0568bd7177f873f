package io.github.pylonchat.thymeleaf;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.GRACE;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.STRING_USER;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static io.github.pylonchat.contract.Contract.variables;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.contract.model.Guest;
import io.github.pylonchat.contract.model.Member;
import java.io.StringWriter;
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
 * What is particular to Thymeleaf about {@code <pylon:chat/>}: standard expressions and the
 * Standard dialect's attributes on the tag, prefixes and namespaces, template modes, caching, and
 * the tag's own messages; run in both engines by the subclasses
 * ({@link PylonChatDialectInTemplateEngineTest}, {@link PylonChatDialectInSpringTemplateEngineTest}).
 * What every engine's tag does is {@link PylonChatDialectContractTest}'s.
 */
abstract class PylonChatDialectTest {
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
    return render(engine(new PylonChatDialect(WIDGET)), template, variables);
  }

  /**
   * The message of the error {@code template} raises, without Thymeleaf's location suffix, after
   * checking that nothing of the widget was written.
   */
  private String errorOf(TemplateEngine engine, String template, Map<String, Object> variables) {
    TemplateProcessingException e = assertThrows(TemplateProcessingException.class,
        () -> render(engine, template, variables));
    assertFalse(out.toString().contains("<script"), "nothing of the widget is written on an error: " + out);
    return withoutLocation(e.getMessage());
  }

  private String errorOf(String template, Map<String, Object> variables) {
    return errorOf(engine(new PylonChatDialect(WIDGET)), template, variables);
  }

  /** Thymeleaf ends a message with {@code (template: "<name>" - line L, col C)}; the name is the text here. */
  private static String withoutLocation(String message) {
    int location = message.lastIndexOf(" (template: \"");
    return location < 0 ? message : message.substring(0, location);
  }

  @Test
  void theTagIsReplacedByTheWidgetUnescapedWhileTheRestOfThePageIsEscaped() {
    String html = render("<html><body><h1 th:text=\"${currentUser.displayName}\">Name</h1>\n<pylon:chat/>\n</body></html>",
        variables("currentUser", ADA, "cspNonce", NONCE));

    assertEquals("<html><body><h1>Ada &lt;b&gt;&quot;Countess&quot;&lt;/b&gt; &amp; &lt;/script&gt;</h1>\n"
        + WIDGET.render(ADA, NONCE) + "\n</body></html>", html);
    List<Element> body = Jsoup.parse(html).body().children();
    assertEquals(List.of("h1", "script", "script"), body.stream().map(Element::normalName).toList());
  }

  @Test
  void attributeValuesAreStandardExpressionsThatSeeLocalVariables() {
    Map<String, Object> model = variables("members", List.of(ADA, GRACE), "admin", true);
    assertAll(
        () -> assertEquals(WIDGET.render(GRACE, null), render("<pylon:chat user=\"${members[1]}\"/>", model)),
        () -> assertEquals(WIDGET.render(ADA, null),
            render("<pylon:chat th:with=\"first=${members[0]}\" user=\"${first}\"/>", model)),
        () -> assertEquals(WIDGET.render(GRACE, null),
            render("<pylon:chat user=\"${admin ? members[1] : null}\"/>", model)),
        () -> assertEquals(WIDGET.render(ADA, "abc"), render("<pylon:chat user=\"${members[0]}\" nonce=\"'abc'\"/>", model)),
        () -> assertEquals("<p></p>", render("<p><pylon:chat user=\"${null}\"/></p>", variables("currentUser", ADA))));
  }

  @Test
  void theStandardDialectsConditionsApplyBeforeTheTag() {
    Map<String, Object> model = variables("currentUser", ADA, "chatOn", true, "chatOff", false);
    assertAll(
        () -> assertEquals("<p></p>", render("<p><pylon:chat th:if=\"${chatOff}\"/></p>", model)),
        () -> assertEquals("<p></p>", render("<p><pylon:chat th:unless=\"${chatOn}\"/></p>", model)),
        () -> assertEquals("<p>" + WIDGET.render(ADA, null) + "</p>", render("<p><pylon:chat th:if=\"${chatOn}\"/></p>", model)));
  }

  @Test
  void userTextIsNeverProcessedAsThymeleafSyntax() {
    Member mallory = new Member("[[${secret}]]@example.com", "[(${secret})] ${secret} <p th:text=\"${secret}\">",
        null, "__${secret}__", "[# th:text=\"${secret}\"/]");

    String html = render("<body><pylon:chat/></body>", variables("currentUser", mallory, "secret", "LEAKED"));

    assertEquals("<body>" + WIDGET.render(mallory, null) + "</body>", html);
    assertFalse(html.contains("LEAKED"), html);
  }

  @Test
  void anotherPrefixRenamesTheTag() {
    TemplateEngine engine = engines().create(TemplateMode.HTML, true);
    engine.addDialect("chat", new PylonChatDialect(WIDGET));

    assertEquals(WIDGET.render(ADA, null), render(engine, "<chat:chat/>", variables("currentUser", ADA)));
    assertEquals("<chat:chat/> has no attribute \"usr\"; the allowed attributes are user and nonce, e.g."
        + " <chat:chat user=\"${currentUser}\" nonce=\"${cspNonce}\"/>", errorOf(engine, "<chat:chat usr=\"1\"/>", variables()));
  }

  @Test
  void theNamespaceDeclarationIsRemovedLikeThymeleafsOwn() {
    String html = render("<html xmlns:th=\"http://www.thymeleaf.org\" xmlns:pylon=\"https://github.com/pylonchat\">"
        + "<body><pylon:chat/></body></html>", variables("currentUser", ADA));

    assertEquals("<html><body>" + WIDGET.render(ADA, null) + "</body></html>", html);
  }

  @Test
  void anUnknownAttributeIsAnErrorNamingTheAllowedOnes() {
    assertEquals("<pylon:chat/> has no attribute \"usr\"; the allowed attributes are user and nonce, e.g."
        + " <pylon:chat user=\"${currentUser}\" nonce=\"${cspNonce}\"/>",
        errorOf("<p>before</p><pylon:chat usr=\"${currentUser}\"/>", variables("currentUser", ADA)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<pylon:chat>Chat with us</pylon:chat>", "<pylon:chat></pylon:chat>"})
  void aBodyOrAClosingTagIsAnError(String template) {
    assertEquals("<pylon:chat/> takes no body and no closing tag; write it as an empty element: <pylon:chat/>",
        errorOf(template, variables("currentUser", ADA)));
  }

  @Test
  void thymeleafValuesThatAreNoUsers() {
    assertAll(
        () -> assertEquals("<pylon:chat user=...>: " + STRING_USER,
            errorOf("<pylon:chat user=\"${currentUser.email}\"/>", variables("currentUser", ADA))),
        () -> assertEquals("<pylon:chat user=...>: " + STRING_USER, errorOf("<pylon:chat user=\"'ada@example.com'\"/>", variables())),
        () -> assertEquals("<pylon:chat user=...>: the user is a java.lang.Integer, not a user object: pass the logged-in"
            + " user itself (an object whose class has @io.github.pylonchat.ChatEmail), a ChatProfile, or null when"
            + " nobody is logged in", errorOf("<pylon:chat user=\"${42}\"/>", variables())),
        () -> assertEquals("<pylon:chat/>: the nonce must be a string, got a java.lang.Integer; pass the page's CSP nonce",
            errorOf("<pylon:chat nonce=\"${42}\"/>", variables("currentUser", ADA))));
  }

  @Test
  void aFailingTagWritesNothingOfTheWidgetAndPointsAtTheTag() {
    TemplateProcessingException e = assertThrows(TemplateProcessingException.class, () -> render(
        "<html><body><p>before</p>\n<pylon:chat/></body></html>", variables("currentUser", GRACE, "cspNonce", "bad nonce")));

    assertEquals("<html><body><p>before</p>\n", out.toString(), "Thymeleaf streams the page; the widget is not in it");
    assertEquals(2, e.getLine(), "the error points at the tag");
    assertEquals(1, e.getCol());
  }

  @Test
  void withTemplateCachingOffTheMessageIsTheCauseOfThymeleafsParsingError() {
    TemplateEngine uncached = engines().create(TemplateMode.HTML, false);
    uncached.addDialect(new PylonChatDialect(WIDGET));

    TemplateProcessingException e = assertThrows(TemplateProcessingException.class,
        () -> render(uncached, "<p>before</p><pylon:chat/>", variables("currentUser", new Guest())));

    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("<pylon:chat/>: " + Guest.class.getName() + " has no chat identity"),
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
    TemplateEngine engine = engines().create(new PylonChatDialect(WIDGET), mode);

    assertEquals("<pylon:chat/> works only in HTML templates, but this template is processed in template mode "
        + mode + "; put the tag in the HTML page (layout), before </body>", errorOf(engine, template, variables("currentUser", ADA)));
  }

  @Test
  void aDisabledDialectRendersNothingWhateverTheAttributesHold() {
    TemplateEngine engine = engine(PylonChatDialect.disabled());

    assertEquals("<p></p>", render(engine, "<p><pylon:chat user=\"${currentUser}\" nonce=\"${cspNonce}\"/></p>",
        variables("currentUser", "not a user", "cspNonce", "bad nonce")));
  }
}
