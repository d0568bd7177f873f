package io.github.pylonchat.jte;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static io.github.pylonchat.contract.Contract.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import io.github.pylonchat.ChatTagResolution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What is particular to JTE: the same templates work precompiled and compiled at run time, the rest
 * of the page stays escaped, and the resolver is the way a framework signs its logged-in user
 * without the template passing one.
 */
class PylonChatJteTemplatesTest {
  private static final TemplateEngine DYNAMIC = JteEngines.dynamic("src/test/jte", "jte-dynamic-classes");

  private static String render(TemplateEngine engine, String name, Map<String, Object> parameters) {
    StringOutput output = new StringOutput();
    engine.render(name, parameters, output);
    return output.toString();
  }

  @Test
  void inALayoutTheWidgetIsWrittenUnescapedWhileTheRestIsEscapedPrecompiledAndDynamic() {
    Map<String, Object> parameters = variables("pylonChat", new PylonChatJte(WIDGET), "currentUser", ADA,
        "cspNonce", NONCE, "heading", "<b>Ada</b>");
    String expected = "<html><body><h1>&lt;b&gt;Ada&lt;/b&gt;</h1>" + WIDGET.render(ADA, NONCE) + "</body></html>";

    assertEquals(expected, render(JteEngines.PRECOMPILED, "layout.jte", parameters).strip());
    assertEquals(expected, render(DYNAMIC, "layout.jte", parameters).strip());
  }

  @Test
  void withoutArgumentsTheResolverDecidesAndFindsNoTemplateVariables() {
    PylonChatJte principal = new PylonChatJte(WIDGET, (tag, variables) -> {
      assertEquals(null, variables.apply("currentUser"));
      return new ChatTagResolution(ADA, NONCE);
    });
    Map<String, Object> parameters = variables("pylonChat", principal, "currentUser", "not read");

    assertEquals("<p>before</p>" + WIDGET.render(ADA, NONCE) + "<p>after</p>", render(DYNAMIC, "bare.jte", parameters));
    assertEquals("<p>before</p><p>after</p>", render(DYNAMIC, "bare.jte", variables("pylonChat", new PylonChatJte(WIDGET))));
  }

  @Test
  void aMisspeltCallFailsWhenTheTemplateIsCompiledNamingIt() {
    TemplateException e = assertThrows(TemplateException.class, () -> render(
        JteEngines.dynamic("src/test/jte-misuse", "jte-misuse-classes"), "unknown_parameter.jte",
        variables("pylonChat", new PylonChatJte(WIDGET), "member", ADA)));

    assertTrue(e.getMessage().contains("usr"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown_parameter.jte:4"), e.getMessage());
  }

  @Test
  void theContentNamesTheCallNeverTheUser() {
    assertEquals("PylonChatContent${pylonChat.widget().user(...).nonce(...)}",
        new PylonChatJte(WIDGET).widget().user(ADA).nonce(NONCE).toString());
  }
}
