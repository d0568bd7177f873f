package io.github.pylonchat.spring;

import io.github.pylonchat.AnonymousVisitors;
import io.github.pylonchat.IdentityVerification;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code pylon.chat.*} settings of the Pylon chat widget. Each is documented on its field, as
 * your IDE shows it.
 *
 * <p>Only the app id and the identity secret are needed; everything else has a default:
 *
 * <pre>{@code
 * pylon.chat.app-id=8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f
 * # the secret is best kept out of files: set PYLON_CHAT_IDENTITY_SECRET, PYLON_IDENTITY_SECRET
 * # or PYLON_IDENTITY_SECRET_FILE in the environment instead of pylon.chat.identity-secret
 * }</pre>
 */
@ConfigurationProperties(PylonChatProperties.PREFIX)
public class PylonChatProperties {
  // The defaults are literals, as the configuration processor reads only those into the metadata
  // (ConfigurationMetadataTest checks that they match the runtime's).
  /** The prefix of every property: {@value}. */
  public static final String PREFIX = "pylon.chat";

  /**
   * Pylon app id, from Pylon's in-app chat settings. When not set, the environment variable
   * PYLON_APP_ID is used.
   */
  private String appId;

  /**
   * Identity Verification Secret from Pylon's in-app chat settings: the hex secret that signs each
   * user's email as email_hash, or, with identity-verification=jwt, Pylon's JWT secret, used as
   * given (its text). When not set, the environment variable PYLON_IDENTITY_SECRET, or the file
   * named by PYLON_IDENTITY_SECRET_FILE, is used. It is never logged or rendered, and the actuator
   * masks it.
   */
  private String identitySecret;

  /**
   * How Pylon verifies who is chatting, as chosen in Pylon's in-app chat settings: 'email-hash'
   * (an email_hash signed with the hex identity secret; it never expires), 'jwt' (a short-lived
   * token signed with Pylon's JWT secret on each page, see jwt.lifetime), or 'none' (local
   * development only: Pylon cannot verify who is chatting and users cannot see their earlier
   * chats; a warning is logged). The earlier values true and false still mean 'email-hash' and
   * 'none'.
   */
  private IdentityVerification identityVerification = IdentityVerification.EMAIL_HASH;

  /** Signed identity tokens (identity-verification=jwt). */
  private final Jwt jwt = new Jwt();

  /**
   * Whether the chat widget is rendered. When false, the tag renders nothing and neither an app id
   * nor a secret is needed.
   */
  private boolean enabled = true;

  /**
   * What visitors who are not logged in get: 'nothing' (no widget) or 'widget' (the widget without
   * an identity).
   */
  private AnonymousVisitors anonymous = AnonymousVisitors.NOTHING;

  /**
   * Name of the template variable (or request or session attribute) that may hold the logged-in
   * user (an object whose type has @ChatEmail, or a ChatProfile). With Spring Security, only the
   * authenticated principal is ever signed: a user there is used only when it equals the
   * principal's chat identity in every signed field (else the tag fails), and never for a visitor
   * who is not logged in. Without Spring Security, the user there is signed as given.
   */
  private String userAttribute = "currentUser";

  /**
   * Whether the user under user-attribute is signed as given when Spring Security knows no
   * logged-in user with a chat identity, for applications that authenticate users outside Spring
   * Security. It then trusts every controller never to put a user taken from request data there.
   */
  private boolean trustUserAttribute = false;

  /**
   * Name of the template variable (or request, session or servlet-context attribute) that holds
   * the page's Content-Security-Policy nonce; when present, the widget's script elements carry it.
   */
  private String nonceAttribute = "cspNonce";

  /** Base URL of Pylon's widget script; the app id is appended to it. */
  private String widgetUrl = "https://widget.usepylon.com/widget/";

  /**
   * Whom the widget identifies while an administrator impersonates another user with Spring
   * Security's SwitchUserFilter: 'nobody' (the page is rendered as for a logged-out visitor) or
   * 'original' (the impersonating administrator). The impersonated user is never identified.
   */
  private Impersonation impersonation = Impersonation.NOBODY;

  /** OpenID Connect logins (spring-boot-starter-oauth2-client). */
  private final Oidc oidc = new Oidc();

  public String getAppId() {
    return appId;
  }

  public void setAppId(String appId) {
    this.appId = appId;
  }

  public String getIdentitySecret() {
    return identitySecret;
  }

  public void setIdentitySecret(String identitySecret) {
    this.identitySecret = identitySecret;
  }

  public IdentityVerification getIdentityVerification() {
    return identityVerification;
  }

  public void setIdentityVerification(IdentityVerification identityVerification) {
    this.identityVerification = identityVerification;
  }

  public Jwt getJwt() {
    return jwt;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public AnonymousVisitors getAnonymous() {
    return anonymous;
  }

  public void setAnonymous(AnonymousVisitors anonymous) {
    this.anonymous = anonymous;
  }

  public String getUserAttribute() {
    return userAttribute;
  }

  public void setUserAttribute(String userAttribute) {
    this.userAttribute = userAttribute;
  }

  public boolean isTrustUserAttribute() {
    return trustUserAttribute;
  }

  public void setTrustUserAttribute(boolean trustUserAttribute) {
    this.trustUserAttribute = trustUserAttribute;
  }

  public String getNonceAttribute() {
    return nonceAttribute;
  }

  public void setNonceAttribute(String nonceAttribute) {
    this.nonceAttribute = nonceAttribute;
  }

  public String getWidgetUrl() {
    return widgetUrl;
  }

  public void setWidgetUrl(String widgetUrl) {
    this.widgetUrl = widgetUrl;
  }

  public Impersonation getImpersonation() {
    return impersonation;
  }

  public void setImpersonation(Impersonation impersonation) {
    this.impersonation = impersonation;
  }

  public Oidc getOidc() {
    return oidc;
  }

  /** The {@code pylon.chat.jwt.*} settings. */
  public static class Jwt {
    /**
     * How long each signed token is valid, from 1 to 15 minutes (Pylon rejects a token valid for
     * longer); a number without unit counts minutes. Only with identity-verification=jwt.
     */
    @DurationUnit(ChronoUnit.MINUTES)
    private Duration lifetime;

    public Duration getLifetime() {
      return lifetime;
    }

    public void setLifetime(Duration lifetime) {
      this.lifetime = lifetime;
    }
  }

  /** The {@code pylon.chat.oidc.*} settings. */
  public static class Oidc {
    /**
     * Ids of OAuth2 client registrations, besides those declared in
     * spring.security.oauth2.client.registration.*, whose identity providers may assert a verified
     * email for the chat. Logins through any other registration (one created at run time, say) count
     * as logged out.
     */
    private List<String> trustedRegistrations = new ArrayList<>();

    public List<String> getTrustedRegistrations() {
      return trustedRegistrations;
    }

    public void setTrustedRegistrations(List<String> trustedRegistrations) {
      this.trustedRegistrations = trustedRegistrations;
    }
  }
}
