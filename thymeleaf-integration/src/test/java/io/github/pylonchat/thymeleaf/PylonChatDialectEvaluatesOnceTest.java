package io.github.pylonchat.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.contract.model.Customer;
import io.github.pylonchat.contract.model.Member;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.GenericApplicationContext;
import org.thymeleaf.IThrottledTemplateProcessor;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <pylon:chat/>} evaluates {@code user} and {@code nonce} once, as written in the template:
 * a value that another attribute ({@code th:nonce}, {@code th:attr}, {@code data-th-*}, ...) or
 * preprocessing ({@code __...__}) put there is refused, never parsed as an expression. The values
 * come from the context variable {@code n}, as a controller hands request data to a page, and are
 * expressions that would read the identity secret from a context variable, a Spring bean
 * ({@code @vault}), a static field ({@code T(...)} in SpEL, {@code @class@field} in OGNL) or
 * compute a number. Nothing of the secret or of the value may reach the page or a message.
 */
class PylonChatDialectEvaluatesOnceTest {
  private static final String SECRET = TestVector.SECRET_HEX;
  private static final String NONCE = "rAnd0m+/Nonce==";

  /** A Spring bean that holds the identity secret, as the starter's configuration does. */
  public static final class Vault {
    /** The secret, readable by a bean reference {@code @vault.secret} in SpEL. */
    public String getSecret() {
      return SECRET;
    }
  }

  private static GenericApplicationContext application;

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId("8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f").identitySecret(IdentitySecret.ofHex(SECRET)).build();
  private final Customer ada = new Customer("ada@example.com", "Ada");
  private final Member grace = new Member("grace@example.com", "Grace", null, "navy", null);
  private final StringWriter out = new StringWriter();

  @BeforeAll
  static void startApplication() {
    application = new GenericApplicationContext();
    application.registerBean("vault", Vault.class, Vault::new);
    application.refresh();
  }

  @AfterAll
  static void stopApplication() {
    application.close();
  }

  /** Values that are expressions in the engine's language, none with a quote; the first is no expression. */
  private static List<String> hostileValues(Engines engine) {
    List<String> values = new ArrayList<>(List.of("rAnd0m", "${7*7}", "${identitySecret}"));
    if (engine == Engines.SPRING) {
      values.add("${@vault.secret}");
      values.add("${T(io.github.pylonchat.testing.TestVector).SECRET_HEX}");
    } else {
      values.add("${@io.github.pylonchat.testing.TestVector@SECRET_HEX}");
      values.add("${#ctx.identitySecret}");
    }
    return values;
  }

  /** Each way an attribute of the tag can be set by something other than the template's text. */
  static Stream<Arguments> attributesSetByOtherAttributes() {
    List<String> templates = List.of(
        "<pylon:chat th:nonce=\"${n}\"/>",
        "<pylon:chat data-th-nonce=\"${n}\"/>",
        "<pylon:chat th:attr=\"nonce=${n}\"/>",
        "<pylon:chat nonce=\"${cspNonce}\" th:nonce=\"${n}\"/>",
        "<pylon:chat nonce=\"${cspNonce}\" th:attrappend=\"nonce=${n}\"/>",
        "<pylon:chat th:user=\"${n}\"/>",
        "<pylon:chat th:attr=\"user=${n}\"/>",
        "<pylon:chat data-th-user=\"${n}\"/>");
    return eachEngineTemplateAndValue(templates);
  }

  static Stream<Arguments> preprocessedAttributes() {
    return eachEngineTemplateAndValue(List.of("<pylon:chat nonce=\"__${n}__\"/>", "<pylon:chat user=\"__${n}__\"/>",
        "<pylon:chat nonce=\"${cspNonce} + __${n}__\"/>"));
  }

  private static Stream<Arguments> eachEngineTemplateAndValue(List<String> templates) {
    List<Arguments> cases = new ArrayList<>();
    for (Engines engine : Engines.values()) {
      for (String template : templates) {
        for (String value : hostileValues(engine)) {
          cases.add(Arguments.of(engine, template, value));
        }
      }
    }
    return cases.stream();
  }

  /** The hostile values that are expressions (the first of {@link #hostileValues} is none). */
  static Stream<Arguments> expressionValues() {
    List<Arguments> cases = new ArrayList<>();
    for (Engines engine : Engines.values()) {
      for (String value : hostileValues(engine).subList(1, hostileValues(engine).size())) {
        cases.add(Arguments.of(engine, value));
      }
    }
    return cases.stream();
  }

  private Map<String, Object> model(Engines engine, Object... keysAndValues) {
    Map<String, Object> model = new HashMap<>();
    model.put("currentUser", ada);
    model.put("cspNonce", NONCE);
    model.put("identitySecret", SECRET);
    if (engine == Engines.SPRING) {
      // What Spring MVC's ThymeleafView puts in every page's context: bean references work.
      model.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
          new ThymeleafEvaluationContext(application, null));
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      model.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return model;
  }

  private String render(TemplateEngine engine, String template, Map<String, Object> model) {
    out.getBuffer().setLength(0);
    engine.process(template, new Context(Locale.ROOT, model), out);
    return out.toString();
  }

  private String render(Engines engine, String template, Map<String, Object> model) {
    return render(engine.create(new PylonChatDialect(widget), TemplateMode.HTML), template, model);
  }

  /**
   * The message of the error, without Thymeleaf's location suffix (whose template name is the
   * template's text here), after checking that neither the page nor any message in the chain
   * shows the secret or {@code value}.
   */
  private String errorOf(TemplateEngine engine, String template, Map<String, Object> model, String value) {
    TemplateProcessingException error = null;
    try {
      render(engine, template, model);
    } catch (TemplateProcessingException e) {
      error = e;
    }
    StringBuilder seen = new StringBuilder(out.toString());
    for (Throwable t = error; t != null; t = t.getCause()) {
      seen.append('\n').append(t.getMessage());
    }
    assertFalse(seen.toString().contains(SECRET), "the secret leaked: " + seen);
    assertFalse(seen.toString().contains(value), "the value is quoted: " + seen);
    assertNotNull(error, "the page was rendered: " + out);
    assertFalse(out.toString().contains("<script"), "nothing of the widget is written on an error: " + out);
    return withoutLocation(error.getMessage());
  }

  private String errorOf(Engines engine, String template, Map<String, Object> model, String value) {
    return errorOf(engine.create(new PylonChatDialect(widget), TemplateMode.HTML), template, model, value);
  }

  /** Thymeleaf ends a message with {@code (template: "<name>" - line L, col C)}; the name is the text here. */
  private static String withoutLocation(String message) {
    int location = message.lastIndexOf(" (template: \"");
    return location < 0 ? message : message.substring(0, location);
  }

  /**
   * The tag's message in the chain of {@code e}: without caching Thymeleaf reports it as the cause
   * (of the cause) of "An error happened during template parsing".
   */
  private static String tagMessageOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().startsWith("<pylon:chat/>")) {
        return withoutLocation(t.getMessage());
      }
    }
    return "no message of the tag in " + e;
  }

  /** The page as {@code engine.processThrottled} writes it, 16 bytes at a time, also into {@link #out}. */
  private String renderThrottled(TemplateEngine engine, String template, Map<String, Object> model) {
    out.getBuffer().setLength(0);
    IThrottledTemplateProcessor processor = engine.processThrottled(template, new Context(Locale.ROOT, model));
    while (!processor.isFinished()) {
      ByteArrayOutputStream chunk = new ByteArrayOutputStream();
      try {
        processor.process(16, chunk, StandardCharsets.UTF_8);
      } finally {
        out.write(chunk.toString(StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  private static String setElsewhere(String attribute) {
    String example = attribute.equals("user") ? "user=\"${member}\"" : "nonce=\"${requestNonce}\"";
    return "<pylon:chat/>: the attribute " + attribute + " was set by another attribute (th:" + attribute
        + ", data-th-" + attribute + ", th:attr, ...) instead of written on the tag; the tag evaluates user and"
        + " nonce only as written in the template, once, so that a value never becomes an expression: write "
        + example + " on the tag itself";
  }

  private static String preprocessed(String attribute) {
    String example = attribute.equals("user") ? "user=\"${member}\"" : "nonce=\"${requestNonce}\"";
    return "<pylon:chat/>: the attribute " + attribute + " uses preprocessing (__...__), whose result would be"
        + " evaluated as a new expression; write the expression itself, such as " + example;
  }

  private static String attributeOf(String template) {
    return template.contains("user") ? "user" : "nonce";
  }

  @ParameterizedTest
  @MethodSource("attributesSetByOtherAttributes")
  void anAttributeSetByAnotherAttributeIsRefusedAndItsValueNeverEvaluated(Engines engine, String template, String value) {
    assertEquals(setElsewhere(attributeOf(template)), errorOf(engine, template, model(engine, "n", value), value));
  }

  @ParameterizedTest
  @MethodSource("preprocessedAttributes")
  void anAttributeThatUsesPreprocessingIsRefusedAndItsValueNeverEvaluated(Engines engine, String template, String value) {
    assertEquals(preprocessed(attributeOf(template)), errorOf(engine, template, model(engine, "n", value), value));
  }

  @ParameterizedTest
  @MethodSource("expressionValues")
  void theValueOfAnExpressionWrittenInTheTemplateIsUsedAsAValue(Engines engine, String value) {
    Map<String, Object> model = model(engine, "n", value);

    assertEquals("<pylon:chat/>: the CSP nonce must be base64 or base64url (letters, digits, + / - _ and up to two"
        + " = at the end); generate it from random bytes with Base64.getEncoder()",
        errorOf(engine, "<pylon:chat nonce=\"${n}\"/>", model, value));
    assertTrue(errorOf(engine, "<pylon:chat user=\"${n}\"/>", model, value)
        .startsWith("<pylon:chat user=...>: the user is a string, not a user object."));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theSameRulesHoldWhenTheTagIsIterated(Engines engine) {
    Map<String, Object> model = model(engine, "members", List.of(ada, grace), "n", "${identitySecret}");

    assertEquals("<p>" + widget.render(ada, NONCE) + widget.render(grace, NONCE) + "</p>",
        render(engine, "<p><pylon:chat th:each=\"m : ${members}\" user=\"${m}\"/></p>", model));
    assertEquals("<div>" + widget.render(ada, NONCE) + "</div><div>" + widget.render(grace, NONCE) + "</div>",
        render(engine, "<div th:each=\"m : ${members}\"><pylon:chat user=\"${m}\"/></div>", model));
    assertEquals(setElsewhere("nonce"), errorOf(engine,
        "<p><pylon:chat th:each=\"m : ${members}\" user=\"${m}\" th:nonce=\"${n}\"/></p>", model, "${identitySecret}"));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theSameRulesHoldInFragments(Engines engine) {
    Map<String, Object> model = model(engine, "n", "${identitySecret}", "pageNonce", "b64url_nonce-1");
    String fragments = "<div th:remove=\"all\">"
        + "<th:block th:fragment=\"chat(chatNonce)\"><pylon:chat nonce=\"${chatNonce}\"/></th:block>"
        + "<th:block th:fragment=\"plain\"><pylon:chat/></th:block>"
        + "<th:block th:fragment=\"hostile\"><pylon:chat th:nonce=\"${n}\"/></th:block></div>";

    assertEquals("<main>" + widget.render(ada, "b64url_nonce-1") + "</main>",
        render(engine, fragments + "<main><th:block th:replace=\"~{::chat(${pageNonce})}\"/></main>", model));
    assertEquals("<main>" + widget.render(ada, NONCE) + "</main>",
        render(engine, fragments + "<main th:insert=\"~{::plain}\"></main>", model));
    assertEquals(setElsewhere("nonce"),
        errorOf(engine, fragments + "<main th:insert=\"~{::hostile}\"></main>", model, "${identitySecret}"));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theSameRulesHoldWithoutTemplateCachingAndInThrottledProcessing(Engines engine) {
    // Without caching Thymeleaf processes while it parses; WebFlux processes a page in chunks, and
    // 16 bytes stop it inside each iteration of th:each.
    Map<String, Object> model = model(engine, "members", List.of(ada, grace), "n", "${identitySecret}");
    String iterated = "<p>x</p><pylon:chat th:each=\"m : ${members}\" user=\"${m}\"/><p>y</p>";
    String hostile = "<p>x</p><pylon:chat th:each=\"m : ${members}\" user=\"${m}\" th:nonce=\"${n}\"/><p>y</p>";
    String expected = "<p>x</p>" + widget.render(ada, NONCE) + widget.render(grace, NONCE) + "<p>y</p>";
    TemplateEngine uncached = engine.create(TemplateMode.HTML, false);
    uncached.addDialect(new PylonChatDialect(widget));
    TemplateEngine cached = engine.create(new PylonChatDialect(widget), TemplateMode.HTML);

    assertEquals(expected, render(uncached, iterated, model));
    TemplateProcessingException parsing = assertThrows(TemplateProcessingException.class, () -> render(uncached, hostile, model));
    assertEquals(setElsewhere("nonce"), tagMessageOf(parsing));
    for (TemplateEngine each : List.of(cached, uncached)) {
      assertEquals(expected, renderThrottled(each, iterated, model));
      TemplateProcessingException e = assertThrows(TemplateProcessingException.class, () -> renderThrottled(each, hostile, model));
      assertEquals(setElsewhere("nonce"), tagMessageOf(e));
      assertFalse(out.toString().contains(SECRET));
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aDisabledDialectRefusesTheSameAttributes(Engines engine) {
    TemplateEngine disabled = engine.create(PylonChatDialect.disabled(), TemplateMode.HTML);

    assertEquals(setElsewhere("nonce"),
        errorOf(disabled, "<pylon:chat th:nonce=\"${n}\"/>", model(engine, "n", "${7*7}"), "${7*7}"));
    assertEquals(preprocessed("user"),
        errorOf(disabled, "<pylon:chat user=\"__${n}__\"/>", model(engine, "n", "${7*7}"), "${7*7}"));
  }
}
