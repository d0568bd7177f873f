package io.github.pylonchat.spring;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.spring.SecurityPrincipalUsers.Kind;
import io.github.pylonchat.spring.SecurityPrincipalUsers.Viewer;
import java.util.function.Function;

/**
 * Decides the user and nonce of every chat tag in a Spring application, whatever the template
 * engine, and of anything else that asks for the current chat user. Every rule about who is signed
 * lives here, so each adapter (the FreeMarker directive, the Thymeleaf dialect, a JSON endpoint)
 * gets all of them by calling {@link #resolve}:
 *
 * <ul>
 *   <li>while an administrator impersonates someone ({@code SwitchUserFilter}), nobody is signed,
 *       or the administrator with {@code pylon.chat.impersonation=original}; the tag's parameter
 *       and the user attribute are not used then;
 *   <li>else the tag's {@code user} parameter, else the template variable (in Spring MVC views
 *       also the request or session attribute) named by {@code pylon.chat.user-attribute}, else
 *       the Spring Security principal (when Spring Security is present);
 *   <li>when the principal's chat identity is known, a user from the tag or the attribute with
 *       another email fails the tag instead of signing someone else (a controller parameter bound
 *       from request parameters, say);
 *   <li>the nonce from the tag or the variable named by {@code pylon.chat.nonce-attribute};
 *   <li>a response that carries a signed identity is kept out of shared caches.
 * </ul>
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

  /**
   * {@inheritDoc}
   *
   * <p>When someone is signed and the current thread serves a servlet request, its response gets
   * {@code Cache-Control: private, no-store}.
   *
   * @throws IllegalStateException also when that response was already committed without that header
   */
  @Override
  public ChatTagResolution resolve(ChatTagArguments tag, Function<String, Object> variables) {
    ChatTagResolution chat = decide(tag, variables);
    if (chat.user() != null) {
      PrivateResponses.markCurrentResponse();
    }
    return chat;
  }

  private ChatTagResolution decide(ChatTagArguments tag, Function<String, Object> variables) {
    Object nonce = tag.nonceGiven() ? tag.nonce() : variables.apply(nonceAttribute);
    Viewer viewer = principals == null ? Viewer.NOBODY : principals.viewer();
    if (viewer.kind() == Kind.IMPERSONATING) {
      return ChatTagResolution.of(viewer.user(), nonce);
    }
    Object user = tag.userGiven() ? tag.user() : variables.apply(userAttribute);
    if (user == null) {
      if (viewer.kind() == Kind.UNIDENTIFIED) {
        principals.reportUnidentified(viewer.principalClass());
      }
      return ChatTagResolution.of(viewer.user(), nonce);
    }
    if (!tag.userGiven() && !ChatIdentities.hasIdentity(user.getClass())) {
      throw new IllegalArgumentException("the attribute \"" + userAttribute
          + "\" (pylon.chat.user-attribute) holds a " + user.getClass().getName()
          + ", which has no chat identity; put the logged-in user there (a type with @ChatEmail, or a"
          + " ChatProfile), or set pylon.chat.user-attribute to the name of the attribute that does");
    }
    ChatTagResolution chat = ChatTagResolution.of(user, nonce);
    if (viewer.kind() == Kind.IDENTIFIED && !sameEmail(user, viewer.user())) {
      throw new IllegalStateException(tag.userGiven()
          ? "the tag's user is not the logged-in user: its chat email differs from the Spring Security"
              + " principal's, and only the logged-in user is ever signed. Pass the logged-in user, or"
              + " leave user= out so that the tag uses pylon.chat.user-attribute or the principal"
          : "the attribute \"" + userAttribute + "\" (pylon.chat.user-attribute) does not hold the"
              + " logged-in user: its chat email differs from the Spring Security principal's, and only"
              + " the logged-in user is ever signed. Put only the logged-in user under that name (a"
              + " controller parameter of the user's type without @AuthenticationPrincipal is bound from"
              + " request parameters and lands there too), or set pylon.chat.user-attribute to another name");
    }
    return chat;
  }

  private static boolean sameEmail(Object user, Object loggedIn) {
    return ChatIdentities.profileOf(user).email().equals(ChatIdentities.profileOf(loggedIn).email());
  }
}
