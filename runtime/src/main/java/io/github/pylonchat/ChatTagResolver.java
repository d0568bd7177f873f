package io.github.pylonchat;

import java.util.Objects;
import java.util.function.Function;

/**
 * Decides, for one use of a chat template tag, who the current user is and which CSP nonce the
 * page uses. Every template engine's tag ({@code <@pylonChat/>} in pylon-chat-freemarker,
 * {@code <pylon:chat/>} in pylon-chat-thymeleaf) is a thin adapter: it turns its own parameters
 * into {@link ChatTagArguments}, offers its template variables as a lookup function, asks the
 * resolver, and writes {@link PylonChatWidget#render(Object, String, Appendable)}. So every rule
 * about users and nonces lives in a resolver and holds in every engine alike.
 *
 * <p>Without a framework, {@link #templateVariables()} is the resolver: the tag's parameters,
 * else the template variables {@code currentUser} and {@code cspNonce}. The Spring Boot starter
 * supplies one that also knows the Spring Security principal.
 *
 * <pre>{@code
 * ChatTagResolver resolver = ChatTagResolver.templateVariables("member", "requestNonce");
 * PylonChatDirective.install(cfg, new PylonChatDirective(widget, resolver));
 * }</pre>
 */
@FunctionalInterface
public interface ChatTagResolver {
  /**
   * Default template variable holding the logged-in user. Deliberately not {@code user}: pages
   * often put another person (a profile being viewed, a form object) under that name, and the
   * widget would then sign that person's email.
   */
  String DEFAULT_USER_VARIABLE = "currentUser";
  /** Default template variable holding the page's CSP nonce. */
  String DEFAULT_NONCE_VARIABLE = "cspNonce";

  /**
   * Who is signed and with which nonce.
   *
   * @param tag the parameters the tag was given
   * @param variables looks up a template variable by name, unwrapped to the Java object; null
   *     when the page has no such variable
   * @return the user (null: nobody is logged in) and nonce (null: none)
   * @throws IllegalArgumentException or IllegalStateException with a message that says what is
   *     wrong and how to fix it, never quoting user data; the tag then fails and writes nothing
   */
  ChatTagResolution resolve(ChatTagArguments tag, Function<String, Object> variables);

  /** The tag's parameters, else the template variables {@code currentUser} and {@code cspNonce}. */
  static ChatTagResolver templateVariables() {
    return templateVariables(DEFAULT_USER_VARIABLE, DEFAULT_NONCE_VARIABLE);
  }

  /**
   * The tag's parameters, else the template variables {@code userVariable} and
   * {@code nonceVariable}.
   */
  static ChatTagResolver templateVariables(String userVariable, String nonceVariable) {
    Objects.requireNonNull(userVariable, "userVariable");
    Objects.requireNonNull(nonceVariable, "nonceVariable");
    return (tag, variables) -> ChatTagResolution.of(
        tag.userGiven() ? tag.user() : variables.apply(userVariable),
        tag.nonceGiven() ? tag.nonce() : variables.apply(nonceVariable));
  }
}
