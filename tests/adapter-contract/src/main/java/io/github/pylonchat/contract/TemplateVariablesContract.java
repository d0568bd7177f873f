package io.github.pylonchat.contract;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.GRACE;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.SETUP;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static io.github.pylonchat.contract.Contract.pageWith;
import static io.github.pylonchat.contract.Contract.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import org.junit.jupiter.api.Test;

/**
 * The part of the contract for a tag that reads template variables (every engine whose templates
 * have a variable scope): without parameters it hands the {@link ChatTagResolver} a lookup of the
 * page's variables, so that the default resolver reads {@code currentUser} and {@code cspNonce}.
 */
public interface TemplateVariablesContract extends ContractPages {
  @Test
  default void withoutParametersTheTagReadsTheVariablesCurrentUserAndCspNonce() throws Exception {
    assertEquals("currentUser", ChatTagResolver.DEFAULT_USER_VARIABLE);
    assertEquals("cspNonce", ChatTagResolver.DEFAULT_NONCE_VARIABLE);
    assertEquals(pageWith(WIDGET.render(GRACE, NONCE)),
        page(SETUP, TagForm.BARE, variables("currentUser", GRACE, "cspNonce", NONCE, "member", ADA)));
  }

  @Test
  default void aMissingOrNullUserVariableRendersNothing() throws Exception {
    assertEquals(pageWith(""), page(SETUP, TagForm.BARE, variables("cspNonce", NONCE)));
    assertEquals(pageWith(""), page(SETUP, TagForm.BARE, variables("currentUser", null, "cspNonce", NONCE)));
  }

  @Test
  default void aResolverWithOtherVariableNamesReadsThose() throws Exception {
    ChatTagSetup renamed = new ChatTagSetup(WIDGET, ChatTagResolver.templateVariables("currentMember", "requestNonce"));

    String html = page(renamed, TagForm.BARE,
        variables("currentMember", ADA, "requestNonce", NONCE, "currentUser", GRACE, "cspNonce", "ignored"));

    assertEquals(pageWith(WIDGET.render(ADA, NONCE)), html);
  }

  @Test
  default void theResolverGetsNoParametersAndLooksUpThePagesVariables() throws Exception {
    ChatTagSetup principal = new ChatTagSetup(WIDGET, (tag, variables) -> {
      assertEquals(ChatTagArguments.NONE, tag);
      return ChatTagResolution.of(variables.apply("principal"), variables.apply("missing"));
    });

    assertEquals(pageWith(WIDGET.render(GRACE, null)), page(principal, TagForm.BARE, variables("principal", GRACE)));
  }

  @Test
  default void aNonceVariableThatIsNotAStringIsAnError() {
    assertTagError("the nonce must be a string, got a java.lang.Integer; pass the page's CSP nonce",
        SETUP, TagForm.BARE, variables("currentUser", ADA, "cspNonce", 42));
  }
}
