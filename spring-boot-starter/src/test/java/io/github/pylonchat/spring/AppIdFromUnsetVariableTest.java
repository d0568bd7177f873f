package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.ChatContexts.withEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.PylonChatWidget;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * {@code pylon.chat.app-id=${MY_APP_ID:}} with {@code MY_APP_ID} missing resolves to an empty app
 * id; the start-up report then names {@code MY_APP_ID}, the variable to set.
 */
class AppIdFromUnsetVariableTest {
  @Test
  void reportNamesTheUnsetVariableTheAppIdIsTakenFrom() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=${MY_APP_ID:}", "pylon.chat.identity-secret=" + RenderedWidget.SECRET)
        .run(context -> {
          FailureAnalysis analysis = new PylonChatFailureAnalyzer().analyze(context.getStartupFailure());

          assertThat(analysis.getDescription()).isEqualTo("The Pylon chat widget is not configured correctly:"
              + " pylon.chat.app-id is empty: it is taken from MY_APP_ID (${MY_APP_ID:}), which is not set.");
          assertThat(analysis.getAction()).startsWith("Set the environment variable MY_APP_ID to the app id"
              + " from Pylon's in-app chat settings, or give pylon.chat.app-id a value.");
        });
  }

  @Test
  void appIdFromAVariableThatIsSetWorks() {
    withEnvironment(Map.of("MY_APP_ID", "from-variable"))
        .withPropertyValues("pylon.chat.app-id=${MY_APP_ID:}", "pylon.chat.identity-secret=" + RenderedWidget.SECRET)
        .run(context -> assertThat(context.getBean(PylonChatWidget.class).appId()).isEqualTo("from-variable"));
  }
}
