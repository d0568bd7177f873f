package io.github.pylonchat.mustache;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.github.pylonchat.contract.ChatTagContract;
import io.github.pylonchat.contract.ChatTagSetup;
import io.github.pylonchat.contract.TagBodyContract;
import io.github.pylonchat.contract.TagForm;
import io.github.pylonchat.contract.TemplateVariablesContract;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code {{#pylonChat}}{{/pylonChat}}} obeys the chat tag contract in JMustache, compiled as Spring
 * Boot's Mustache views compile templates. Mustache tags have no parameters; a section can have a
 * body.
 */
class PylonChatLambdaContractTest extends ChatTagContract implements TemplateVariablesContract, TagBodyContract {
  private final Map<TagForm, Template> templates = new ConcurrentHashMap<>();
  private final Map<ChatTagSetup, PylonChatLambda> lambdas = new ConcurrentHashMap<>();

  @Override
  public void render(ChatTagSetup setup, TagForm form, Map<String, Object> variables, StringBuilder out) {
    Map<String, Object> context = new HashMap<>(variables);
    context.put(PylonChatLambda.NAME, lambdas.computeIfAbsent(setup,
        s -> s.disabled() ? PylonChatLambda.disabled() : new PylonChatLambda(s.widget(), s.resolver())));
    StringWriter writer = new StringWriter();
    try {
      templates.computeIfAbsent(form, f -> Mustache.compiler().compile(TagForm.BEFORE + tag(f) + TagForm.AFTER))
          .execute(context, writer);
    } finally {
      out.append(writer);
    }
  }

  @Override
  public String tagInMessages(TagForm form) {
    return "{{#pylonChat}}";
  }

  private static String tag(TagForm form) {
    return switch (form) {
      case BARE -> "{{#pylonChat}}{{/pylonChat}}";
      case BODY -> "{{#pylonChat}}Chat with us{{/pylonChat}}";
      default -> throw new IllegalArgumentException("Mustache tags have no parameters: " + form);
    };
  }
}
