package io.github.pylonchat.spring;

import io.github.pylonchat.ChatProfile;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.ClassUtils;

/**
 * The chat identity of an OpenID Connect user: the {@code email} claim and the {@code name} claim,
 * only when the login came through a client registration the application trusts and
 * {@code email_verified} is true. An unverified email could be any address the user typed at the
 * identity provider, and an identity provider the application did not choose (one a customer
 * registered at run time, say) can assert any address; signing either would hand the user that
 * address's chat history.
 */
final class VerifiedOidcEmail {
  static final String TRUSTED_REGISTRATIONS = PylonChatProperties.PREFIX + ".oidc.trusted-registrations";
  static final String DECLARED_REGISTRATIONS = "spring.security.oauth2.client.registration";

  private static final Log logger = LogFactory.getLog(VerifiedOidcEmail.class);
  private static final boolean OAUTH2_CLIENT = ClassUtils.isPresent(
      "org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken",
      VerifiedOidcEmail.class.getClassLoader());

  private final Set<String> trustedRegistrations;
  private final AtomicBoolean untrustedReported = new AtomicBoolean();

  /**
   * @param trustedRegistrations the ids of the client registrations declared in
   *     {@code spring.security.oauth2.client.registration.*} and listed in
   *     {@code pylon.chat.oidc.trusted-registrations}
   */
  VerifiedOidcEmail(Set<String> trustedRegistrations) {
    this.trustedRegistrations = Set.copyOf(trustedRegistrations);
  }

  /** Whether {@code principal} is an OpenID Connect user, whose identity only this class decides. */
  boolean decides(Object principal) {
    return principal instanceof OidcUser;
  }

  /**
   * The verified identity of the OpenID Connect user of {@code authentication}, or null when the
   * registration is not trusted, or the email is missing or not verified.
   */
  ChatProfile profile(Authentication authentication) {
    OidcUser user = (OidcUser) authentication.getPrincipal();
    String registration = OAUTH2_CLIENT ? OAuth2Client.registrationOf(authentication) : null;
    if (registration == null || !trustedRegistrations.contains(registration)) {
      if (untrustedReported.compareAndSet(false, true)) {
        logger.warn("An OpenID Connect login through the client registration "
            + (registration == null ? "(unknown)" : "'" + registration + "'") + " counts as logged out"
            + " for the Pylon chat: only registrations declared in " + DECLARED_REGISTRATIONS + ".* or"
            + " listed in " + TRUSTED_REGISTRATIONS + " may assert an email. If that identity provider is"
            + " one you chose and it verifies emails, add the registration id to " + TRUSTED_REGISTRATIONS
            + " (logged once)");
      }
      return null;
    }
    Object email = user.getClaims().get("email");
    if (!isTrue(user.getClaims().get("email_verified")) || !(email instanceof String text) || text.isBlank()) {
      return null;
    }
    return ChatProfile.of(text, user.getClaims().get("name") instanceof String name ? name : null);
  }

  /** Only a boolean true or the string "true" verifies; anything else (1, "yes") does not. */
  private static boolean isTrue(Object claim) {
    return Boolean.TRUE.equals(claim) || "true".equals(claim);
  }

  /** Loaded only when spring-security-oauth2-client is on the class path. */
  private static final class OAuth2Client {
    static String registrationOf(Authentication authentication) {
      return authentication instanceof OAuth2AuthenticationToken token
          ? token.getAuthorizedClientRegistrationId() : null;
    }
  }
}
