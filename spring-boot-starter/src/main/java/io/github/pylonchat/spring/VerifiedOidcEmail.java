package io.github.pylonchat.spring;

import io.github.pylonchat.ChatProfile;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The chat identity of an OpenID Connect user: the {@code email} claim and the {@code name} claim,
 * only when {@code email_verified} is true. An unverified email could be any address the user
 * typed at the identity provider, and signing it would hand them that address's chat history.
 */
final class VerifiedOidcEmail implements PylonChatUserResolver {
  @Override
  public Object resolve(Object principal) {
    if (principal instanceof OidcUser user && Boolean.TRUE.equals(user.getEmailVerified())) {
      String email = user.getEmail();
      if (email != null && !email.isBlank()) {
        return ChatProfile.of(email, user.getFullName());
      }
    }
    return null;
  }
}
