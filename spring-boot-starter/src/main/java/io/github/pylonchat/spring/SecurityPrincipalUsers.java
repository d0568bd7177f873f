package io.github.pylonchat.spring;

import io.github.pylonchat.ChatIdentities;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who the Spring Security authentication of the current request is, for the chat: the principal
 * itself when its type has a chat identity, else the first answer of the resolvers, else the
 * verified email of an OpenID Connect login through a trusted client registration. Nobody is
 * logged in without an authentication, with an {@link AnonymousAuthenticationToken} or an
 * unauthenticated token. While an administrator impersonates someone ({@code SwitchUserFilter}),
 * the impersonated user is never identified: nobody is, or the administrator (see
 * {@link Impersonation}).
 */
final class SecurityPrincipalUsers {
  private static final Log logger = LogFactory.getLog(SecurityPrincipalUsers.class);

  private static final boolean SPRING_WEB = ClassUtils.isPresent(
      "org.springframework.web.context.request.RequestContextHolder", SecurityPrincipalUsers.class.getClassLoader());
  /** SwitchUserGrantedAuthority lives in spring-security-web, which a non-web application lacks. */
  private static final boolean SWITCH_USER = ClassUtils.isPresent(
      "org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority",
      SecurityPrincipalUsers.class.getClassLoader());

  /** Whom the authentication identifies, and how sure that is. */
  enum Kind {
    /**
     * No authentication, an anonymous or an unauthenticated one, or one whose identity is not
     * trusted: an OpenID Connect login through an untrusted client registration, or with an
     * unverified email.
     */
    NOBODY,
    /** The principal has a known chat identity: {@link Viewer#user()}. */
    IDENTIFIED,
    /** An authenticated principal that nothing maps to a chat identity. */
    UNIDENTIFIED,
    /** An administrator impersonates someone: only {@link Viewer#user()} may be signed, or nobody. */
    IMPERSONATING
  }

  /**
   * The chat's view of the current authentication.
   *
   * @param kind how the user was found
   * @param user the chat user (null: nobody)
   * @param principalClass the principal's class, for {@link Kind#UNIDENTIFIED}
   */
  record Viewer(Kind kind, Object user, Class<?> principalClass) {
    static final Viewer NOBODY = new Viewer(Kind.NOBODY, null, null);
  }

  private final List<PylonChatUserResolver> resolvers;
  private final VerifiedOidcEmail oidc; // null without spring-security-oauth2-core
  private final Impersonation impersonation;
  /** Class names, not classes, so that a redeployed application's classes are not kept. */
  private final Set<String> reportedPrincipalTypes = ConcurrentHashMap.newKeySet();

  SecurityPrincipalUsers(List<PylonChatUserResolver> resolvers, VerifiedOidcEmail oidc, Impersonation impersonation) {
    this.resolvers = List.copyOf(resolvers);
    this.oidc = oidc;
    this.impersonation = impersonation;
  }

  /**
   * The chat's view of the current request's authentication. Worked out once per request and
   * authentication: the Spring MVC interceptor asks before the view renders and the tag asks
   * again, and a resolver may query a database.
   */
  Viewer viewer() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return SPRING_WEB ? PerRequest.viewer(authentication, this::viewerOf) : viewerOf(authentication);
  }

  private Viewer viewerOf(Authentication authentication) {
    if (!loggedIn(authentication)) {
      return Viewer.NOBODY;
    }
    Authentication original = SWITCH_USER ? SwitchUser.originalOf(authentication) : null;
    if (original != null) {
      Object user = impersonation == Impersonation.ORIGINAL && loggedIn(original) ? identify(original).user() : null;
      return new Viewer(Kind.IMPERSONATING, user, null);
    }
    return identify(authentication);
  }

  private static boolean loggedIn(Authentication authentication) {
    return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
        && authentication.isAuthenticated() && authentication.getPrincipal() != null;
  }

  private Viewer identify(Authentication authentication) {
    Object principal = authentication.getPrincipal();
    if (ChatIdentities.hasIdentity(principal.getClass())) {
      return new Viewer(Kind.IDENTIFIED, principal, null);
    }
    for (PylonChatUserResolver resolver : resolvers) {
      Object user = resolver.resolve(principal);
      if (user instanceof Optional<?> found) { // what a Spring Data repository returns
        user = found.orElse(null);
      }
      if (user != null) {
        return new Viewer(Kind.IDENTIFIED, user, null);
      }
    }
    if (oidc != null && oidc.decides(principal)) {
      Object user = oidc.profile(authentication);
      return user == null ? Viewer.NOBODY : new Viewer(Kind.IDENTIFIED, user, null);
    }
    return new Viewer(Kind.UNIDENTIFIED, null, principal.getClass());
  }

  /**
   * Says once per principal type, at WARN, that its users get no widget and how to fix that;
   * called when such a principal is what decides the page (nothing else names a user).
   */
  void reportUnidentified(Class<?> principalType) {
    if (reportedPrincipalTypes.add(principalType.getName())) {
      logger.warn("The logged-in Spring Security principal of type " + principalType.getName()
          + " has no chat identity, so its users get no Pylon chat widget (as if logged out). "
          + ChatIdentities.missingAccessorCause(principalType).orElse("Annotate its email with"
              + " @ChatEmail, or declare a PylonChatUserResolver bean that maps it to your user model")
          + " (logged once per principal type)");
    }
  }

  /** Loaded only when spring-web is on the class path. */
  private static final class PerRequest {
    private static final String ATTRIBUTE = SecurityPrincipalUsers.class.getName() + ".viewer";

    /** What was worked out for this authentication. */
    private record Decided(Authentication authentication, Viewer viewer) {}

    static Viewer viewer(Authentication authentication, Function<Authentication, Viewer> decide) {
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (request == null) {
        return decide.apply(authentication);
      }
      if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Decided decided
          && decided.authentication() == authentication) {
        return decided.viewer();
      }
      Viewer viewer = decide.apply(authentication);
      request.setAttribute(ATTRIBUTE, new Decided(authentication, viewer), RequestAttributes.SCOPE_REQUEST);
      return viewer;
    }
  }

  /** Loaded only when spring-security-web is on the class path. */
  private static final class SwitchUser {
    /** The impersonating administrator's authentication, or null when nobody impersonates. */
    static Authentication originalOf(Authentication authentication) {
      for (GrantedAuthority authority : authentication.getAuthorities()) {
        if (authority instanceof SwitchUserGrantedAuthority switched) {
          return switched.getSource();
        }
      }
      return null;
    }
  }
}
