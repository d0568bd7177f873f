package io.github.pylonchat.spring;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatViewer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who the Spring Security authentication of the current request is, for the chat: the principal
 * itself when its type has a chat identity, else the first answer of the resolvers, else the
 * verified email of an OpenID Connect login through a trusted client registration. Nobody is
 * logged in without an authentication, with an {@link AnonymousAuthenticationToken}, an
 * unauthenticated token, or one that the application's own rule of "authenticated" refuses (with
 * Spring Security 7's {@code @EnableMultiFactorAuthentication}: a login that has not passed every
 * required factor yet). While an administrator impersonates someone ({@code SwitchUserFilter}),
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
  /** Spring Security 7 (its AuthorizationManagerFactory) in a web application: see {@link RequiredFactors}. */
  static final boolean REQUIRED_FACTORS = SWITCH_USER && ClassUtils.isPresent(
      "org.springframework.security.authorization.AuthorizationManagerFactory",
      SecurityPrincipalUsers.class.getClassLoader());

  private final List<PylonChatUserResolver> resolvers;
  private final VerifiedOidcEmail oidc; // null without spring-security-oauth2-core
  private final Impersonation impersonation;
  /** The application's rule of "authenticated" beyond Spring Security's own check; see {@link RequiredFactors}. */
  private final Predicate<Authentication> authenticatedByTheApplication;
  /** Class names, not classes, so that a redeployed application's classes are not kept. */
  private final Set<String> reportedPrincipalTypes = ConcurrentHashMap.newKeySet();

  /**
   * @param authenticatedByTheApplication whether the application counts an authenticated token as
   *     logged in ({@link RequiredFactors#rule}), or always true
   */
  SecurityPrincipalUsers(List<PylonChatUserResolver> resolvers, VerifiedOidcEmail oidc, Impersonation impersonation,
      Predicate<Authentication> authenticatedByTheApplication) {
    this.resolvers = List.copyOf(resolvers);
    this.oidc = oidc;
    this.impersonation = impersonation;
    this.authenticatedByTheApplication = authenticatedByTheApplication;
  }

  /**
   * The chat's view of the current request's authentication. Worked out once per request and
   * authentication: the Spring MVC interceptor asks before the view renders and the tag asks
   * again, and a resolver may query a database.
   */
  ChatViewer viewer() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return SPRING_WEB ? PerRequest.viewer(authentication, this::viewerOf) : viewerOf(authentication);
  }

  private ChatViewer viewerOf(Authentication authentication) {
    if (!loggedIn(authentication)) {
      return ChatViewer.anonymous();
    }
    Authentication original = SWITCH_USER ? SwitchUser.originalOf(authentication) : null;
    if (original != null) {
      Object user = impersonation == Impersonation.ORIGINAL && loggedIn(original) ? identify(original).user() : null;
      return ChatViewer.impersonating(user);
    }
    return identify(authentication);
  }

  private boolean loggedIn(Authentication authentication) {
    return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
        && authentication.isAuthenticated() && authentication.getPrincipal() != null
        && authenticatedByTheApplication.test(authentication);
  }

  private ChatViewer identify(Authentication authentication) {
    Object principal = authentication.getPrincipal();
    // An OpenID Connect login counts only through a trusted registration with a verified email,
    // whatever maps it afterwards: a resolver that looks users up by the email claim, or an OidcUser
    // subclass with @ChatEmail, must not turn an unverified or untrusted address into a signed one.
    Object verifiedOidc = null;
    if (oidc != null && oidc.decides(principal)) {
      verifiedOidc = oidc.profile(authentication);
      if (verifiedOidc == null) {
        return ChatViewer.anonymous();
      }
    }
    if (ChatIdentities.hasIdentity(principal.getClass())) {
      return ChatViewer.identified(principal);
    }
    for (PylonChatUserResolver resolver : resolvers) {
      Object user = resolver.resolve(principal);
      if (user instanceof Optional<?> found) { // what a Spring Data repository returns
        user = found.orElse(null);
      }
      if (user != null) {
        return ChatViewer.identified(user);
      }
    }
    return verifiedOidc != null ? ChatViewer.identified(verifiedOidc) : ChatViewer.unidentified(principal.getClass());
  }

  /**
   * Says once per principal type, at WARN, that its users get no widget and how to fix that;
   * called when such a principal is what decides the page.
   *
   * @param pageUserIgnored whether the page handed the tag a user, which is not signed in its place
   */
  void reportUnidentified(Class<?> principalType, boolean pageUserIgnored) {
    if (reportedPrincipalTypes.add(principalType.getName())) {
      logger.warn("The logged-in Spring Security principal of type " + principalType.getName()
          + " has no chat identity, so its users get no Pylon chat widget (as if logged out)"
          + (pageUserIgnored ? ", and the user the page hands to the chat tag is not signed in its place:"
              + " only the authenticated principal's identity is ever signed" : "")
          + ". " + ChatIdentities.missingAccessorCause(principalType).orElse("Annotate its email with"
              + " @ChatEmail, or declare a PylonChatUserResolver bean that maps it to your user model")
          + " (logged once per principal type)");
    }
  }

  /** Loaded only when spring-web is on the class path. */
  private static final class PerRequest {
    private static final String ATTRIBUTE = SecurityPrincipalUsers.class.getName() + ".viewer";

    /** What was worked out for this authentication. */
    private record Decided(Authentication authentication, ChatViewer viewer) {}

    static ChatViewer viewer(Authentication authentication, Function<Authentication, ChatViewer> decide) {
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (request == null) {
        return decide.apply(authentication);
      }
      if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Decided decided
          && decided.authentication() == authentication) {
        return decided.viewer();
      }
      ChatViewer viewer = decide.apply(authentication);
      request.setAttribute(ATTRIBUTE, new Decided(authentication, viewer), RequestAttributes.SCOPE_REQUEST);
      return viewer;
    }
  }

  /**
   * The application's own rule of "authenticated": Spring Security 7's
   * {@code AuthorizationManagerFactory} bean, whose {@code authenticated()} also requires every
   * factor that {@code @EnableMultiFactorAuthentication} lists. A login that passed the password
   * but not the second factor is an authenticated token all the same; signing it would hand whoever
   * has only the password the user's chat history. Loaded only when {@link #REQUIRED_FACTORS}.
   */
  static final class RequiredFactors {
    private RequiredFactors() {}

    /** Whether the application's {@code authenticated()} grants the authentication on the current request. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Predicate<Authentication> rule(ListableBeanFactory beans) {
      ObjectProvider<AuthorizationManagerFactory> factories = beans.getBeanProvider(AuthorizationManagerFactory.class);
      return authentication -> {
        AuthorizationManagerFactory<Object> factory = factories.getIfUnique();
        if (factory == null) {
          return true;
        }
        ServletRequestAttributes servlet = RequestScopes.SERVLET_WEB ? RequestScopes.Servlet.current() : null;
        Object request = servlet == null ? null : new RequestAuthorizationContext(servlet.getRequest());
        AuthorizationResult result = factory.authenticated().authorize(() -> authentication, request);
        return result != null && result.isGranted();
      };
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
