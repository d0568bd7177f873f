package io.github.pylonchat.contract;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.SETUP;
import static io.github.pylonchat.contract.Contract.variables;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The part of the contract for an engine in which a tag can be written with a body: the chat tag
 * takes none, and a body is an error that names the tag, also in the disabled form; the body is
 * never rendered.
 */
public interface TagBodyContract extends ContractPages {
  @Test
  default void aBodyIsAnErrorThatNamesTheTag() {
    String messages = errorOf(SETUP, TagForm.BODY, variables("currentUser", ADA));

    assertTrue(messages.toLowerCase(Locale.ROOT).contains("chat"), messages);
  }

  @Test
  default void theDisabledFormStillRejectsABody() {
    String messages = errorOf(ChatTagSetup.DISABLED, TagForm.BODY, variables("currentUser", ADA));

    assertTrue(messages.toLowerCase(Locale.ROOT).contains("chat"), messages);
  }
}
