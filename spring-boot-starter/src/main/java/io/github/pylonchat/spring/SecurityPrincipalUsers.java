package io.github.pylonchat.spring;

import io.github.pylonchat.ChatIdentities;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The chat user of the Spring Security principal of the current request: the principal itself
 * when its type has a chat identity, else the first answer of the resolvers. Nobody is logged in
 * without an authentication, with an {@link AnonymousAuthenticationToken} or an unauthenticated
 * token.
 */
final class SecurityPrincipalUsers {
  private static final Log logger = LogFactory.getLog(SecurityPrincipalUsers.class);

  private final List<PylonChatUserResolver> resolvers;

  SecurityPrincipalUsers(List<PylonChatUserResolver> resolvers) {
    this.resolvers = List.copyOf(resolvers);
  }

  /** The chat user, or null when nobody (with a chat identity) is logged in. */
  Object currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated() || authentication.getPrincipal() == null) {
      return null;
    }
    Object principal = authentication.getPrincipal();
    if (ChatIdentities.hasIdentity(principal.getClass())) {
      return principal;
    }
    for (PylonChatUserResolver resolver : resolvers) {
      Object user = resolver.resolve(principal);
      if (user != null) {
        return user;
      }
    }
    if (logger.isDebugEnabled()) {
      logger.debug("The principal " + principal.getClass().getName() + " has no chat identity, so"
          + " <@pylonChat/> treats the request as logged out; annotate its email with @ChatEmail"
          + " or declare a PylonChatUserResolver bean");
    }
    return null;
  }
}
