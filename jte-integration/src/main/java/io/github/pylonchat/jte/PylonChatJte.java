package io.github.pylonchat.jte;

import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.util.Objects;

/**
 * The Pylon chat widget in JTE templates: {@code ${pylonChat.widget()}} writes
 * {@link PylonChatWidget}'s markup as trusted {@link gg.jte.Content}, unescaped, in precompiled and
 * dynamic templates alike. The template gets this object as a parameter, as JTE templates get
 * everything, and may hand the tag the user and the CSP nonce:
 *
 * <pre>{@code
 * @import io.github.pylonchat.jte.PylonChatJte
 * @param PylonChatJte pylonChat
 * @param Object currentUser
 * @param String cspNonce
 * <body>
 *   ...
 *   ${pylonChat.widget().user(currentUser).nonce(cspNonce)}
 * </body>
 * }</pre>
 *
 * <p>Who is signed and with which nonce is decided by a {@link ChatTagResolver}, as for every
 * template engine's tag, so this is only JTE's adapter: {@code user(...)} and {@code nonce(...)} are
 * the tag's parameters ({@link ChatTagArguments}). JTE templates have no variables beyond their
 * parameters, so the resolver's variable lookup finds nothing: without the Spring Boot starter, pass
 * the logged-in user with {@code user(...)} (null when nobody is logged in); with it, the starter's
 * resolver signs the Spring Security principal and {@code ${pylonChat.widget()}} is enough.
 *
 * <pre>{@code
 * TemplateEngine jte = TemplateEngine.createPrecompiled(ContentType.Html);
 * PylonChatJte pylonChat = new PylonChatJte(PylonChatWidget.fromEnvironment());
 * jte.render("layout.jte", Map.of("pylonChat", pylonChat, "currentUser", user, "cspNonce", nonce), output);
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one at start-up and hand it to every page.
 */
public final class PylonChatJte {
  private final PylonChatWidget widget; // null: the chat is switched off and widget() writes nothing
  private final ChatTagResolver resolver; // null when widget is

  /** The widget for the user and nonce that the template passes ({@link ChatTagResolver#templateVariables()}). */
  public PylonChatJte(PylonChatWidget widget) {
    this(widget, ChatTagResolver.templateVariables());
  }

  /**
   * The widget for the user and nonce that {@code resolver} decides, given what the template passes.
   *
   * @see ChatTagResolver
   */
  public PylonChatJte(PylonChatWidget widget, ChatTagResolver resolver) {
    this.widget = Objects.requireNonNull(widget, "widget");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  private PylonChatJte() {
    this.widget = null;
    this.resolver = null;
  }

  /**
   * Writes nothing, for an application that switches the chat off (the Spring Boot starter's
   * {@code pylon.chat.enabled=false}): templates keep {@code ${pylonChat.widget()}} and need no app
   * id or secret. Whatever is passed to {@code user(...)} and {@code nonce(...)} is not read.
   */
  public static PylonChatJte disabled() {
    return new PylonChatJte();
  }

  /**
   * The widget, for the user and nonce the resolver decides; {@code .user(...)} and
   * {@code .nonce(...)} hand it the template's.
   */
  public PylonChatContent widget() {
    return new PylonChatContent(widget, resolver, ChatTagArguments.NONE);
  }
}
