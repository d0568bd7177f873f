package io.github.pylonchat.jte;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.github.pylonchat.contract.ChatTagContract;
import io.github.pylonchat.contract.ChatTagSetup;
import io.github.pylonchat.contract.TagForm;
import io.github.pylonchat.contract.TagParametersContract;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ${pylonChat.widget()}} obeys the chat tag contract in precompiled templates
 * ({@code src/test/jte}); the misspelt {@code .usr(...)}, which no build would precompile, in a
 * dynamic template. JTE templates have parameters and no variables, and no call has a body, so the
 * tag takes its user and nonce as {@code .user(member).nonce(pageNonce)}.
 */
class PylonChatJteContractTest extends ChatTagContract implements TagParametersContract {
  private static final TemplateEngine MISUSE = JteEngines.dynamic("src/test/jte-misuse", "jte-misuse-classes");

  private final Map<ChatTagSetup, PylonChatJte> helpers = new ConcurrentHashMap<>();

  @Override
  public void render(ChatTagSetup setup, TagForm form, Map<String, Object> variables, StringBuilder out) {
    Map<String, Object> parameters = new HashMap<>(variables);
    parameters.put("pylonChat", helpers.computeIfAbsent(setup,
        s -> s.disabled() ? PylonChatJte.disabled() : new PylonChatJte(s.widget(), s.resolver())));
    StringOutput output = new StringOutput();
    try {
      TemplateEngine engine = form == TagForm.UNKNOWN_PARAMETER ? MISUSE : JteEngines.PRECOMPILED;
      engine.render(form.name().toLowerCase(Locale.ROOT) + ".jte", parameters, output);
    } finally {
      out.append(output);
    }
  }

  @Override
  public String tagInMessages(TagForm form) {
    return switch (form) {
      case USER -> "${pylonChat.widget().user(...)}";
      case NONCE -> "${pylonChat.widget().nonce(...)}";
      case USER_AND_NONCE -> "${pylonChat.widget().user(...).nonce(...)}";
      default -> "${pylonChat.widget()}";
    };
  }
}
