package io.github.pylonchat.contract;

import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.util.Objects;

/**
 * What an adapter's tag is constructed with on a contract page: the widget and the resolver, or
 * nothing for the disabled form (the chat switched off: the tag still checks how it is written, and
 * renders nothing). Equal setups may share an engine: an adapter's test can cache its engines by setup.
 *
 * @param widget the widget, or null for the disabled form
 * @param resolver who is signed and with which nonce, or null for the disabled form
 */
public record ChatTagSetup(PylonChatWidget widget, ChatTagResolver resolver) {
  /** The chat switched off. */
  public static final ChatTagSetup DISABLED = new ChatTagSetup(null, null);

  /** Both are given, or neither. */
  public ChatTagSetup {
    if ((widget == null) != (resolver == null)) {
      throw new IllegalArgumentException("a widget and a resolver, or neither (disabled)");
    }
  }

  /** {@code widget} with the default resolver: the tag's parameters, else {@code currentUser} and {@code cspNonce}. */
  public static ChatTagSetup of(PylonChatWidget widget) {
    return new ChatTagSetup(Objects.requireNonNull(widget), Contract.TEMPLATE_VARIABLES);
  }

  /** Whether this is the disabled form. */
  public boolean disabled() {
    return widget == null;
  }
}
