package io.github.pylonchat.spring;

/**
 * Whom the chat widget identifies while an administrator acts as another user through Spring
 * Security's {@code SwitchUserFilter} ("log in as"), set with {@code pylon.chat.impersonation}.
 * A signed email never expires, so the impersonated user's own identity is never signed: the
 * administrator would keep that user's chat history for good.
 *
 * <pre>{@code
 * pylon.chat.impersonation=original
 * }</pre>
 */
public enum Impersonation {
  /** Nobody is identified while impersonating: the page is rendered as for a logged-out visitor. */
  NOBODY,
  /** The impersonating (original) user is identified, as on their own pages. */
  ORIGINAL
}
