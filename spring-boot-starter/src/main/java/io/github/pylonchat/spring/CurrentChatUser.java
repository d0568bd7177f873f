package io.github.pylonchat.spring;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import java.util.function.Function;

/**
 * Decides the user and nonce of every chat tag in a Spring application, whatever the template
 * engine: the tag's parameters, else the template variable (in Spring MVC views also the request or
 * session attribute) named by {@code pylon.chat.user-attribute}, then the Spring Security principal
 * (when Spring Security is present); the nonce from the tag or the variable named by
 * {@code pylon.chat.nonce-attribute}.
 */
final class CurrentChatUser implements ChatTagResolver {
  private final String userAttribute;
  private final String nonceAttribute;
  private final SecurityPrincipalUsers principals; // null without Spring Security

  CurrentChatUser(String userAttribute, String nonceAttribute, SecurityPrincipalUsers principals) {
    this.userAttribute = userAttribute;
    this.nonceAttribute = nonceAttribute;
    this.principals = principals;
  }

  @Override
  public ChatTagResolution resolve(ChatTagArguments tag, Function<String, Object> variables) {
    Object nonce = tag.nonceGiven() ? tag.nonce() : variables.apply(nonceAttribute);
    if (tag.userGiven()) {
      return ChatTagResolution.of(tag.user(), nonce);
    }
    Object user = variables.apply(userAttribute);
    if (user == null) {
      return ChatTagResolution.of(principals == null ? null : principals.currentUser(), nonce);
    }
    if (!ChatIdentities.hasIdentity(user.getClass())) {
      throw new IllegalArgumentException("the attribute \"" + userAttribute
          + "\" (pylon.chat.user-attribute) holds a " + user.getClass().getName()
          + ", which has no chat identity; put the logged-in user there (a type with @ChatEmail, or a"
          + " ChatProfile), or set pylon.chat.user-attribute to the name of the attribute that does");
    }
    return ChatTagResolution.of(user, nonce);
  }
}
