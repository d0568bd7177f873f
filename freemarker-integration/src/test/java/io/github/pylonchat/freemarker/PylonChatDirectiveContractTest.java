package io.github.pylonchat.freemarker;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import io.github.pylonchat.contract.ChatTagContract;
import io.github.pylonchat.contract.ChatTagSetup;
import io.github.pylonchat.contract.TagBodyContract;
import io.github.pylonchat.contract.TagForm;
import io.github.pylonchat.contract.TagParametersContract;
import io.github.pylonchat.contract.TemplateVariablesContract;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <@pylonChat/>} obeys the chat tag contract, in {@code .ftlh} templates (HTML auto-escaping
 * on, as Spring Boot configures FreeMarker); one {@link Configuration} per setup, shared by all
 * threads as in a web application.
 */
class PylonChatDirectiveContractTest extends ChatTagContract
    implements TemplateVariablesContract, TagParametersContract, TagBodyContract {
  private final Map<ChatTagSetup, Configuration> configurations = new ConcurrentHashMap<>();

  @Override
  public void render(ChatTagSetup setup, TagForm form, Map<String, Object> variables, StringBuilder out) throws Exception {
    StringWriter writer = new StringWriter();
    try {
      configurations.computeIfAbsent(setup, PylonChatDirectiveContractTest::configuration)
          .getTemplate(form.name() + ".ftlh").process(variables, writer);
    } finally {
      out.append(writer);
    }
  }

  @Override
  public String tagInMessages(TagForm form) {
    return form == TagForm.USER || form == TagForm.USER_AND_NONCE ? "<@pylonChat user=...>" : "<@pylonChat/>";
  }

  private static Configuration configuration(ChatTagSetup setup) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    StringTemplateLoader templates = new StringTemplateLoader();
    for (TagForm form : TagForm.values()) {
      templates.putTemplate(form.name() + ".ftlh", TagForm.BEFORE + tag(form) + TagForm.AFTER);
    }
    cfg.setTemplateLoader(templates);
    PylonChatDirective.install(cfg, setup.disabled() ? PylonChatDirective.disabled()
        : new PylonChatDirective(setup.widget(), setup.resolver()));
    return cfg;
  }

  /** The directive as a page author writes it; {@code !} makes a missing or null variable "none". */
  private static String tag(TagForm form) {
    return switch (form) {
      case BARE -> "<@pylonChat/>";
      case USER -> "<@pylonChat user=member!/>";
      case NONCE -> "<@pylonChat nonce=pageNonce!/>";
      case USER_AND_NONCE -> "<@pylonChat user=member! nonce=pageNonce!/>";
      case UNKNOWN_PARAMETER -> "<@pylonChat usr=member!/>";
      case BODY -> "<@pylonChat>Chat with us</@pylonChat>";
    };
  }
}
