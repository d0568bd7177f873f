package io.github.pylonchat;

import java.util.Collection;
import java.util.Map;

/**
 * What one use of a chat template tag renders: the widget for {@code user} (null: nobody is logged
 * in) with the CSP nonce {@code nonce} (null: none). Made by a {@link ChatTagResolver}; template
 * engines pass it to {@link PylonChatWidget#render(Object, String, Appendable)}.
 *
 * @param user an object whose type (or a supertype) has {@code @ChatEmail}, a {@link ChatProfile},
 *     or null
 * @param nonce the page's CSP nonce, or null
 */
public record ChatTagResolution(Object user, String nonce) {
  /** Nobody is logged in and the page has no nonce. */
  public static final ChatTagResolution NOBODY = new ChatTagResolution(null, null);

  /**
   * Checks the values a page most often passes by mistake and makes the resolution; the same
   * messages in every template engine.
   *
   * @param user the user object, or null
   * @param nonce a string, or null; an empty string means none
   * @throws IllegalArgumentException if the user is a string, a map, a collection or an array (only
   *     {@code @ChatEmail} says which value is the verified email), or the nonce is not a string;
   *     the message never quotes the value, which is user data
   */
  public static ChatTagResolution of(Object user, Object nonce) {
    String kind = user instanceof CharSequence ? "a string"
        : user instanceof Map ? "a map (" + user.getClass().getName() + ")"
        : user instanceof Collection || user != null && user.getClass().isArray()
            ? "a collection (" + user.getClass().getName() + ")"
        : null;
    if (kind != null) {
      throw new IllegalArgumentException("the user is " + kind + ", not a user object. Pass the"
          + " logged-in user itself (an object whose class has @io.github.pylonchat.ChatEmail) or a"
          + " ChatProfile; a map or a string is not accepted because only @ChatEmail says which value"
          + " is the verified email");
    }
    if (nonce != null && !(nonce instanceof CharSequence)) {
      throw new IllegalArgumentException("the nonce must be a string, got a "
          + nonce.getClass().getName() + "; pass the page's CSP nonce");
    }
    String text = nonce == null ? null : nonce.toString();
    return new ChatTagResolution(user, text == null || text.isEmpty() ? null : text);
  }
}
