package io.github.pylonchat.freemarker;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static io.github.pylonchat.contract.Contract.variables;
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
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What is particular to FreeMarker about {@code <@pylonChat/>}: output formats, the {@code !}
 * default operator, FreeMarker's literals, loop variables, and the directive's own messages. What
 * every engine's tag does is {@link PylonChatDirectiveContractTest}'s.
 */
class PylonChatDirectiveTest {
  private final StringWriter out = new StringWriter();

  private static Configuration configuration(PylonChatDirective directive) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(new StringTemplateLoader());
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    PylonChatDirective.install(cfg, directive);
    return cfg;
  }

  /** Processes {@code source} as the template {@code name} (its extension picks the output format). */
  private String render(String name, String source, Map<String, Object> model) throws IOException, TemplateException {
    Configuration cfg = configuration(new PylonChatDirective(WIDGET));
    ((StringTemplateLoader) cfg.getTemplateLoader()).putTemplate(name, source);
    out.getBuffer().setLength(0);
    cfg.getTemplate(name).process(model, out);
    return out.toString();
  }

  /** The message of the template error {@code source} raises, without FreeMarker's FTL stack. */
  private String errorOf(String source, Map<String, Object> model) {
    TemplateException e = assertThrows(TemplateException.class, () -> render("page.ftlh", source, model));
    assertFalse(out.toString().contains("<script"), "nothing of the widget is written on an error");
    return e.getMessageWithoutStackTop();
  }

  @Test
  void inAnFtlhTemplateTheWidgetIsWrittenUnescapedWhileTheRestIsAutoEscaped() throws Exception {
    String html = render("layout.ftlh", "<html><body><h1>${currentUser.displayName}</h1><@pylonChat/></body></html>",
        variables("currentUser", ADA, "cspNonce", NONCE));

    assertEquals("<html><body><h1>Ada &lt;b&gt;&quot;Countess&quot;&lt;/b&gt; &amp; &lt;/script&gt;</h1>"
        + WIDGET.render(ADA, NONCE) + "</body></html>", html);
    List<Element> body = Jsoup.parse(html).body().children();
    assertEquals(List.of("h1", "script", "script"), body.stream().map(Element::normalName).toList());
  }

  @Test
  void inAnFtlTemplateTheWidgetIsWrittenAsIs() throws Exception {
    assertEquals("<body>" + WIDGET.render(ADA, NONCE) + "</body>",
        render("layout.ftl", "<body><@pylonChat/></body>", variables("currentUser", ADA, "cspNonce", NONCE)));
  }

  @Test
  void theBangDefaultAndAnEmptyStringMeanNone() {
    assertAll(
        () -> assertEquals(WIDGET.render(ADA, null), render("page.ftlh", "<@pylonChat user=currentUser!/>", variables("currentUser", ADA))),
        () -> assertEquals("<p></p>", render("page.ftl", "<p><@pylonChat user=currentUser!/></p>", variables())),
        () -> assertEquals("<p></p>", render("page.ftl", "<p><@pylonChat user=\"\"/></p>", variables())),
        () -> assertEquals(WIDGET.render(ADA, null), render("page.ftlh", "<@pylonChat nonce=n!/>", variables("currentUser", ADA))));
  }

  @Test
  void installRegistersTheSharedVariablePylonChat() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);

    PylonChatDirective directive = PylonChatDirective.install(cfg, WIDGET);

    assertSame(directive, cfg.getSharedVariable("pylonChat"));
    assertEquals("pylonChat", PylonChatDirective.SHARED_VARIABLE);
  }

  @Test
  void anUnknownParameterIsAnErrorNamingTheAllowedOnes() {
    assertEquals("<@pylonChat/> has no parameter \"usr\"; the allowed parameters are user and nonce, e.g."
        + " <@pylonChat user=currentUser! nonce=cspNonce!/>", errorOf("<@pylonChat usr=currentUser/>", variables("currentUser", ADA)));
  }

  @Test
  void aBodyIsAnError() {
    assertEquals("<@pylonChat/> takes no body; write it as an empty tag: <@pylonChat/>",
        errorOf("<@pylonChat>chat</@pylonChat>", variables("currentUser", ADA)));
  }

  @Test
  void loopVariablesAreAnErrorAlsoWhenTheChatIsOff() {
    assertEquals("<@pylonChat/> has no loop variables; remove the \"; x\" part",
        errorOf("<@pylonChat; x/>", variables("currentUser", ADA)));
    Configuration off = configuration(PylonChatDirective.disabled());
    ((StringTemplateLoader) off.getTemplateLoader()).putTemplate("loop.ftlh", "<@pylonChat; x/>");
    assertThrows(TemplateException.class, () -> off.getTemplate("loop.ftlh").process(variables(), new StringWriter()));
  }

  @Test
  void freeMarkerLiteralsAreNoUsersOrNonces() {
    String hash = errorOf("<@pylonChat user={\"email\": \"ada@example.com\"}/>", variables());
    String sequence = errorOf("<@pylonChat user=[currentUser]/>", variables("currentUser", ADA));

    assertTrue(hash.startsWith("<@pylonChat user=...>: the user is a map ("), hash);
    assertFalse(hash.contains("ada@example.com"), hash);
    assertTrue(sequence.startsWith("<@pylonChat user=...>: the user is a collection ("), sequence);
    assertEquals("<@pylonChat user=...>: the user is a java.math.BigDecimal, not a user object: pass the"
        + " logged-in user itself (an object whose class has @io.github.pylonchat.ChatEmail), a ChatProfile,"
        + " or null when nobody is logged in", errorOf("<@pylonChat user=42/>", variables()));
    assertEquals("<@pylonChat/>: the nonce must be a string, got a java.math.BigDecimal; pass the page's CSP"
        + " nonce", errorOf("<@pylonChat nonce=42/>", variables("currentUser", ADA)));
  }
}
