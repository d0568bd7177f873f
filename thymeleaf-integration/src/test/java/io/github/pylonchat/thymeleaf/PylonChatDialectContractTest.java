package io.github.pylonchat.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.pylonchat.contract.ChatTagContract;
import io.github.pylonchat.contract.ChatTagSetup;
import io.github.pylonchat.contract.TagBodyContract;
import io.github.pylonchat.contract.TagForm;
import io.github.pylonchat.contract.TagParametersContract;
import io.github.pylonchat.contract.TemplateVariablesContract;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <pylon:chat/>} obeys the chat tag contract in both engines: every page is rendered by
 * Spring's {@code SpringTemplateEngine} (SpEL, as Spring Boot configures it), whose output the
 * contract checks, and by Thymeleaf's own {@code TemplateEngine} (OGNL), which must write the same
 * page or fail with the same message. One pair of engines per setup, shared by all threads.
 */
class PylonChatDialectContractTest extends ChatTagContract
    implements TemplateVariablesContract, TagParametersContract, TagBodyContract {
  private final Map<ChatTagSetup, Map<Engines, TemplateEngine>> engines = new ConcurrentHashMap<>();

  @Override
  public void render(ChatTagSetup setup, TagForm form, Map<String, Object> variables, StringBuilder out) throws Exception {
    Map<Engines, TemplateEngine> pair = engines.computeIfAbsent(setup, PylonChatDialectContractTest::engines);
    String template = TagForm.BEFORE + tag(form) + TagForm.AFTER;
    StringWriter plain = new StringWriter();
    RuntimeException plainError = null;
    try {
      pair.get(Engines.PLAIN).process(template, new Context(Locale.ROOT, variables), plain);
    } catch (RuntimeException e) {
      plainError = e;
    }
    StringWriter spring = new StringWriter();
    try {
      pair.get(Engines.SPRING).process(template, new Context(Locale.ROOT, variables), spring);
    } catch (RuntimeException e) {
      if (plainError == null) {
        fail("only SpringTemplateEngine failed", e);
      }
      assertEquals(plainError.getMessage(), e.getMessage(), "both engines fail alike");
      throw e;
    } finally {
      out.append(spring);
    }
    if (plainError != null) {
      fail("only TemplateEngine failed", plainError);
    }
    assertEquals(spring.toString(), plain.toString(), "both engines write the same page");
  }

  @Override
  public String tagInMessages(TagForm form) {
    return form == TagForm.USER || form == TagForm.USER_AND_NONCE ? "<pylon:chat user=...>" : "<pylon:chat/>";
  }

  private static Map<Engines, TemplateEngine> engines(ChatTagSetup setup) {
    Map<Engines, TemplateEngine> pair = new ConcurrentHashMap<>();
    for (Engines engine : Engines.values()) {
      pair.put(engine, engine.create(setup.disabled() ? PylonChatDialect.disabled()
          : new PylonChatDialect(setup.widget(), setup.resolver()), TemplateMode.HTML));
    }
    return pair;
  }

  /** The tag as a page author writes it. */
  private static String tag(TagForm form) {
    return switch (form) {
      case BARE -> "<pylon:chat/>";
      case USER -> "<pylon:chat user=\"${member}\"/>";
      case NONCE -> "<pylon:chat nonce=\"${pageNonce}\"/>";
      case USER_AND_NONCE -> "<pylon:chat user=\"${member}\" nonce=\"${pageNonce}\"/>";
      case UNKNOWN_PARAMETER -> "<pylon:chat usr=\"${member}\"/>";
      case BODY -> "<pylon:chat>Chat with us</pylon:chat>";
    };
  }
}
