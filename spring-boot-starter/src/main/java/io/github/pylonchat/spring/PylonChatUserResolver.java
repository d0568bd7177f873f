package io.github.pylonchat.spring;

/**
 * Maps a logged-in Spring Security principal whose type has no chat identity of its own (no
 * {@code @ChatEmail}) to the user the chat widget identifies. Declare one as a bean; several are
 * asked in their {@code @Order}, and the first answer that is not null (nor an empty
 * {@link java.util.Optional}) wins.
 *
 * <p>It is asked only for an authenticated, non-anonymous principal, after the template
 * variable named by {@code pylon.chat.user-attribute} and after the principal itself was found to
 * have no chat identity, and before the built-in OpenID Connect support.
 *
 * <pre>{@code
 * @Bean
 * PylonChatUserResolver chatUser(UserRepository users) {   // a Spring Data repository
 *   return principal -> principal instanceof UserDetails details
 *       ? users.findByUsername(details.getUsername())      // Optional<User>, User has @ChatEmail
 *       : null;
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PylonChatUserResolver {
  /**
   * The chat user for {@code principal}.
   *
   * @param principal {@code Authentication.getPrincipal()} of the logged-in user; never null
   * @return an object whose type (or a supertype) has {@code @ChatEmail}, a
   *     {@link io.github.pylonchat.ChatProfile}, an {@link java.util.Optional} of one, or null (or an
   *     empty {@code Optional}) when this resolver does not know the principal
   */
  Object resolve(Object principal);
}
