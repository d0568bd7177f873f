package io.github.pylonchat.contract;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.GRACE;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.SETUP;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static io.github.pylonchat.contract.Contract.pageWith;
import static io.github.pylonchat.contract.Contract.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The part of the contract for a tag with {@code user} and {@code nonce} parameters: a parameter
 * that is given wins over any variable, also when its value is null, and the resolver is told which
 * were given; any other parameter is an error, also in the disabled form.
 */
public interface TagParametersContract extends ContractPages {
  @Test
  default void theUserParameterOverridesTheUserVariable() throws Exception {
    assertEquals(pageWith(WIDGET.render(GRACE, null)), page(SETUP, TagForm.USER, variables("currentUser", ADA, "member", GRACE)));
  }

  @Test
  default void theNonceParameterOverridesTheNonceVariable() throws Exception {
    assertEquals(pageWith(WIDGET.render(ADA, "b64url_nonce-1")), page(SETUP, TagForm.USER_AND_NONCE,
        variables("member", ADA, "cspNonce", NONCE, "pageNonce", "b64url_nonce-1")));
    // the user from the variable currentUser where the tag reads variables; nobody where it does not
    Object user = this instanceof TemplateVariablesContract ? ADA : null;
    assertEquals(pageWith(WIDGET.render(user, "b64url_nonce-1")), page(SETUP, TagForm.NONCE,
        variables("currentUser", ADA, "cspNonce", NONCE, "pageNonce", "b64url_nonce-1")));
  }

  @Test
  default void aUserParameterThatIsNullSignsNobodyWhoeverTheUserVariableHolds() throws Exception {
    assertEquals(pageWith(""), page(SETUP, TagForm.USER, variables("currentUser", ADA, "member", null, "cspNonce", NONCE)));
  }

  @Test
  default void aStringUserParameterIsAnError() {
    assertTagError(Contract.STRING_USER, SETUP, TagForm.USER, variables("member", "ada@example.com"));
  }

  @Test
  default void theResolverIsToldWhichParametersWereGivenAndTheirValues() throws Exception {
    ChatTagSetup recording = new ChatTagSetup(WIDGET, (tag, variables) -> {
      assertEquals(new ChatTagArguments(true, GRACE, false, null), tag);
      return new ChatTagResolution(ADA, null);
    });
    ChatTagSetup both = new ChatTagSetup(WIDGET, (tag, variables) -> {
      assertEquals(List.of(true, true, "b64url_nonce-1"), List.of(tag.userGiven(), tag.nonceGiven(), tag.nonce()));
      assertEquals(null, tag.user());
      return new ChatTagResolution(GRACE, NONCE);
    });

    assertEquals(pageWith(WIDGET.render(ADA, null)), page(recording, TagForm.USER, variables("member", GRACE)));
    assertEquals(pageWith(WIDGET.render(GRACE, NONCE)), page(both, TagForm.USER_AND_NONCE,
        variables("member", null, "pageNonce", "b64url_nonce-1")));
  }

  @Test
  default void anUnknownParameterIsAnErrorThatNamesIt() {
    String messages = errorOf(SETUP, TagForm.UNKNOWN_PARAMETER, variables("member", GRACE));

    assertTrue(messages.contains("usr"), messages);
  }

  @Test
  default void theDisabledFormStillRejectsAnUnknownParameter() throws Exception {
    String messages = errorOf(ChatTagSetup.DISABLED, TagForm.UNKNOWN_PARAMETER, variables("member", GRACE));

    assertTrue(messages.toLowerCase(Locale.ROOT).contains("usr"), messages);
    assertEquals(pageWith(""), page(ChatTagSetup.DISABLED, TagForm.USER_AND_NONCE, variables("member", GRACE, "pageNonce", NONCE)));
  }
}
