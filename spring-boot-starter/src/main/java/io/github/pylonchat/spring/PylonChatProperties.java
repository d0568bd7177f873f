package io.github.pylonchat.spring;

import io.github.pylonchat.AnonymousVisitors;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pylon.chat.*} settings of the Pylon chat widget.
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
  /** The prefix of every property: {@value}. */
  public static final String PREFIX = "pylon.chat";

  /**
   * Pylon app id, from Pylon's in-app chat settings. When not set, the environment variable
   * PYLON_APP_ID is used.
   */
  private String appId;

  /**
   * Identity-verification secret from Pylon's in-app chat settings (a hex string); it signs each
   * user's email as email_hash. When not set, the environment variable PYLON_IDENTITY_SECRET, or
   * the file named by PYLON_IDENTITY_SECRET_FILE, is used. It is never logged or rendered.
   */
  private String identitySecret;

  /**
   * Whether users are identified with an email_hash signed by the identity secret. Set to false
   * only for local development without a secret: Pylon then cannot verify who is chatting and
   * users cannot see their earlier chats. A warning is logged at start-up.
   */
  private boolean identityVerification = true;

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
   * Name of the template variable or request attribute that holds the logged-in user (an object
   * whose type has @ChatEmail, or a ChatProfile). When it is absent, the Spring Security principal
   * is used.
   */
  private String userAttribute = "currentUser";

  /**
   * Name of the template variable or request attribute that holds the page's Content-Security-Policy
   * nonce; when present, the widget's script elements carry it.
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

  /** The Pylon app id, or null to use {@code PYLON_APP_ID}. */
  public String getAppId() {
    return appId;
  }

  /** Sets the Pylon app id. */
  public void setAppId(String appId) {
    this.appId = appId;
  }

  /** The hex identity secret, or null to use {@code PYLON_IDENTITY_SECRET(_FILE)}. */
  public String getIdentitySecret() {
    return identitySecret;
  }

  /** Sets the hex identity secret. */
  public void setIdentitySecret(String identitySecret) {
    this.identitySecret = identitySecret;
  }

  /** Whether an {@code email_hash} is rendered (default true). */
  public boolean isIdentityVerification() {
    return identityVerification;
  }

  /** Turns identity verification off (local development only) or on. */
  public void setIdentityVerification(boolean identityVerification) {
    this.identityVerification = identityVerification;
  }

  /** Whether the widget is rendered at all (default true). */
  public boolean isEnabled() {
    return enabled;
  }

  /** Turns the widget on or off. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** What logged-out visitors get (default {@link AnonymousVisitors#NOTHING}). */
  public AnonymousVisitors getAnonymous() {
    return anonymous;
  }

  /** Sets what logged-out visitors get. */
  public void setAnonymous(AnonymousVisitors anonymous) {
    this.anonymous = anonymous;
  }

  /** Name of the variable or request attribute holding the logged-in user (default {@code user}). */
  public String getUserAttribute() {
    return userAttribute;
  }

  /** Sets the name of the variable or request attribute holding the logged-in user. */
  public void setUserAttribute(String userAttribute) {
    this.userAttribute = userAttribute;
  }

  /** Name of the variable or request attribute holding the CSP nonce (default {@code cspNonce}). */
  public String getNonceAttribute() {
    return nonceAttribute;
  }

  /** Sets the name of the variable or request attribute holding the CSP nonce. */
  public void setNonceAttribute(String nonceAttribute) {
    this.nonceAttribute = nonceAttribute;
  }

  /** Base URL of Pylon's widget script. */
  public String getWidgetUrl() {
    return widgetUrl;
  }

  /** Sets the base URL of Pylon's widget script. */
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
