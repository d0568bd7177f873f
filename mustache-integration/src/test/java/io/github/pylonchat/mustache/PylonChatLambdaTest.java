package io.github.pylonchat.mustache;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.GRACE;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static io.github.pylonchat.contract.Contract.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What is particular to Mustache: the variable forms fail with the fix, names are found as
 * Mustache finds them (inner sections first, a parent context for what every page shares), the
 * rest of the page stays escaped, and standalone section lines.
 */
class PylonChatLambdaTest {
  private final PylonChatLambda pylonChat = new PylonChatLambda(WIDGET);
  private final StringWriter out = new StringWriter();

  private String render(String template, Map<String, Object> context) {
    Map<String, Object> withLambda = new java.util.HashMap<>(context);
    withLambda.put("pylonChat", pylonChat);
    Mustache.compiler().compile(template).execute(withLambda, out);
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<p>{{pylonChat}}</p>", "<p>{{{pylonChat}}}</p>", "<p>{{&pylonChat}}</p>"})
  void theVariableFormsFailWithTheSectionAsTheFix(String template) {
    MustacheException e = assertThrows(MustacheException.class, () -> render(template, variables("currentUser", ADA)));

    assertEquals("{{pylonChat}} and {{{pylonChat}}} would print the chat lambda as text (HTML-escaped, the widget's"
        + " script would show on the page); write the section {{#pylonChat}}{{/pylonChat}}, which writes the widget's"
        + " markup", e.getMessage());
    assertFalse(out.toString().contains("script"), out.toString());
  }

  @Test
  void outsideATemplateTheLambdaNamesItself() {
    assertEquals("PylonChatLambda[{{#pylonChat}}{{/pylonChat}}]", pylonChat.toString());
    assertEquals("{pylonChat=PylonChatLambda[{{#pylonChat}}{{/pylonChat}}, disabled]}",
        Map.of("pylonChat", PylonChatLambda.disabled()).toString());
  }

  @Test
  void theRestOfThePageIsEscapedAndTheWidgetIsNot() {
    assertEquals("<h1>Ada &lt;b&gt;&quot;Countess&quot;&lt;/b&gt; &amp; &lt;/script&gt;</h1>" + WIDGET.render(ADA, NONCE),
        render("<h1>{{currentUser.displayName}}</h1>{{#pylonChat}}{{/pylonChat}}", variables("currentUser", ADA, "cspNonce", NONCE)));
  }

  @Test
  void namesAreFoundInTheInnermostSectionFirstThenOutwards() {
    Map<String, Object> page = variables("currentUser", ADA, "cspNonce", NONCE,
        "members", List.of(variables("currentUser", GRACE)), "footer", variables("note", "x"));

    assertEquals(WIDGET.render(GRACE, NONCE), render("{{#members}}{{#pylonChat}}{{/pylonChat}}{{/members}}", page));
    out.getBuffer().setLength(0);
    assertEquals(WIDGET.render(ADA, NONCE), render("{{#footer}}{{#pylonChat}}{{/pylonChat}}{{/footer}}", page));
  }

  @Test
  void aParentContextSharesTheLambdaWithEveryPage() {
    StringWriter page = new StringWriter();

    Mustache.compiler().compile("<main>{{#pylonChat}}{{/pylonChat}}</main>")
        .execute(variables("currentUser", ADA), Map.of("pylonChat", pylonChat, "cspNonce", NONCE), page);

    assertEquals("<main>" + WIDGET.render(ADA, NONCE) + "</main>", page.toString());
  }

  @Test
  void aStandaloneSectionOnItsOwnLinesIsAnEmptyBody() {
    assertEquals("<body>\n" + WIDGET.render(ADA, null) + "</body>\n",
        render("<body>\n{{#pylonChat}}\n{{/pylonChat}}\n</body>\n", variables("currentUser", ADA)));
  }

  @Test
  void aBodyIsAnErrorAndNeverEvaluated() {
    MustacheException e = assertThrows(MustacheException.class,
        () -> render("{{#pylonChat}}{{secret}}{{/pylonChat}}", variables("currentUser", ADA, "secret", "LEAKED")));

    assertEquals("{{#pylonChat}} takes no body; write it as an empty section: {{#pylonChat}}{{/pylonChat}}", e.getMessage());
    assertFalse(out.toString().contains("LEAKED"));
  }
}
