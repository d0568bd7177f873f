package io.github.pylonchat.jte;

import gg.jte.Content;
import gg.jte.TemplateException;
import gg.jte.TemplateOutput;
import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;

/**
 * The chat widget as JTE {@link Content}, made by {@link PylonChatJte#widget()}: writing it in a
 * template ({@code ${...}}) writes {@link PylonChatWidget}'s markup unescaped. Immutable:
 * {@link #user} and {@link #nonce} return a new content.
 *
 * <pre>{@code
 * ${pylonChat.widget()}                                      <!-- the resolver decides -->
 * ${pylonChat.widget().user(currentUser).nonce(cspNonce)}    <!-- the template's user and nonce -->
 * }</pre>
 */
public final class PylonChatContent implements Content {
  private final PylonChatWidget widget; // null: disabled
  private final ChatTagResolver resolver;
  private final ChatTagArguments arguments;

  PylonChatContent(PylonChatWidget widget, ChatTagResolver resolver, ChatTagArguments arguments) {
    this.widget = widget;
    this.resolver = resolver;
    this.arguments = arguments;
  }

  /**
   * The widget for {@code user}: an object whose class (or a supertype) has {@code @ChatEmail}, a
   * {@link io.github.pylonchat.ChatProfile}, or null when nobody is logged in. A string, map or
   * collection is an error when the page renders: only {@code @ChatEmail} says which value is the
   * verified email.
   */
  public PylonChatContent user(Object user) {
    return new PylonChatContent(widget, resolver,
        new ChatTagArguments(true, user, arguments.nonceGiven(), arguments.nonce()));
  }

  /** The widget with the page's CSP nonce (base64), or without one for null or an empty string. */
  public PylonChatContent nonce(String nonce) {
    return new PylonChatContent(widget, resolver,
        new ChatTagArguments(arguments.userGiven(), arguments.user(), true, nonce));
  }

  /**
   * Writes the widget; called by JTE.
   *
   * @throws TemplateException if the user is not a user object or the nonce is not base64; the
   *     message names the problem and the fix, never the value, and nothing has been written then
   */
  @Override
  public void writeTo(TemplateOutput output) {
    if (widget == null) {
      return;
    }
    String markup;
    try {
      // Variables: JTE templates have none beyond their parameters, which reach the tag as arguments.
      ChatTagResolution chat = resolver.resolve(arguments, name -> null);
      markup = widget.render(chat.user(), chat.nonce());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new TemplateException(tag() + ": " + e.getMessage(), e);
    }
    output.writeContent(markup);
  }

  /** How messages name this call, as the template wrote it. */
  private String tag() {
    return "${pylonChat.widget()" + (arguments.userGiven() ? ".user(...)" : "") + (arguments.nonceGiven() ? ".nonce(...)" : "") + "}";
  }

  @Override
  public String toString() {
    // never the user: its toString() may print personal data
    return "PylonChatContent" + tag();
  }
}
