package io.github.pylonchat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the Pylon chat widget for the current user: a {@code <script>} that sets
 * {@code window.pylon.chat_settings} (app id, email, name, optional fields and the server-side
 * proof of identity) followed by Pylon's loader script; or the same {@code chat_settings} as
 * JSON text ({@link #settingsJson(Object)}) for front ends that set {@code window.pylon}
 * themselves. Each call goes user, then profile ({@link ChatIdentities}), then identity
 * verification, then settings, then the script or the JSON.
 *
 * <p>The proof of identity is one of Pylon's two kinds of identity verification, chosen by the
 * secret given to the builder ({@link IdentityVerification}): the {@code email_hash} with an
 * {@link IdentitySecret} (the default kind), or a short-lived signed token, {@code jwt}, with a
 * {@link JwtSecret}. With a token, {@code chat_settings} has no {@code email_hash}, its
 * {@code email}, {@code name} and {@code account_external_id} are exactly the signed ones, and the
 * {@code contact_external_id} is only inside the token.
 *
 * <p>Framework-neutral, immutable and thread-safe: build one at start-up and share it. Every
 * user-supplied string is written as a JSON string in which {@code " \ < > & '}, control
 * characters, U+2028/U+2029 and every non-ASCII character are {@code \}{@code uXXXX} escapes, so
 * no input can end the script element or the string, whatever the page's encoding. The
 * {@code email_hash} is always computed over exactly the emitted {@code email}. The secret is
 * never written.
 *
 * <pre>{@code
 * PylonChatWidget widget = PylonChatWidget.builder()
 *     .appId(System.getenv("PYLON_APP_ID"))
 *     .identitySecret(IdentitySecret.fromEnvironment())
 *     .build();
 * String html = widget.render(currentUser, cspNonce);   // "" when currentUser is null
 *
 * // or with Pylon's "JWT (signed token)" option, a token valid for 5 minutes on each page:
 * PylonChatWidget widget = PylonChatWidget.builder()
 *     .appId(System.getenv("PYLON_APP_ID"))
 *     .jwtSecret(JwtSecret.fromEnvironment())
 *     .tokenLifetime(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 */
public final class PylonChatWidget {
  /** Pylon's widget base URL; the app id is appended to it. */
  public static final String DEFAULT_WIDGET_URL = "https://widget.usepylon.com/widget/";
  /** Environment variable holding the Pylon app id. */
  public static final String ENV_APP_ID = "PYLON_APP_ID";

  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
  /**
   * Only hex digits, more than the 32 of a UUID without its dashes: that is an identity secret
   * (Pylon's have 64 hex digits), not an app id (a UUID). Refused in every mode: the app id is
   * written into every page and the widget's URL, so swapped variables would publish the secret.
   */
  private static final Pattern SECRET_LIKE = Pattern.compile("[0-9A-Fa-f]{33,}");
  private static final String APP_ID_FIX = "Set it to the app id from Pylon's in-app chat settings";

  private final String appId;
  private final EmailHasher hasher; // only with an identity secret
  private final JwtSigner signer; // only with a JWT secret
  private final AnonymousVisitors anonymous;
  private final String widgetScriptUrl;
  private final String loaderScript;

  /**
   * {@code appId} stripped, or an error for the setting {@code appId} (callers that know their
   * setting's name relabel it): the one place the app id's rules live.
   */
  static String checkedAppId(String appId) {
    String setting = "appId";
    if (appId == null) {
      throw new ChatConfigurationException(setting, "is not set", APP_ID_FIX);
    }
    String stripped = appId.strip();
    if (stripped.isEmpty()) {
      throw new ChatConfigurationException(setting, "is empty", APP_ID_FIX);
    }
    if (!APP_ID.matcher(stripped).matches()) {
      throw new ChatConfigurationException(setting,
          "is not a Pylon app id (only letters, digits, - and _ are allowed, at most 128)",
          "Copy the app id from Pylon's in-app chat settings, for example 8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f");
    }
    if (SECRET_LIKE.matcher(stripped).matches()) {
      throw new ChatConfigurationException(setting,
          "looks like an identity secret (" + stripped.length() + " hex digits), not a Pylon app id: the app id and"
              + " the secret may be swapped",
          "Set it to the app id from Pylon's in-app chat settings (such as 8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f) and"
              + " the secret only in the identity secret's setting (such as " + IdentitySecret.ENV_SECRET + "); if the secret"
              + " was ever served as the app id, rotate it in Pylon");
    }
    return stripped;
  }

  private PylonChatWidget(Builder b, String widgetUrl) {
    this.appId = b.appId;
    this.hasher = b.secret == null ? null : b.secret.hasher();
    this.signer = b.jwtSecret == null ? null : b.jwtSecret.signer(b.appId,
        b.tokenLifetime != null ? b.tokenLifetime : JwtSigner.DEFAULT_LIFETIME, b.clock);
    this.anonymous = b.anonymous;
    this.widgetScriptUrl = widgetUrl + b.appId;
    this.loaderScript = loaderScript(widgetScriptUrl);
  }

  /** A new builder; {@link Builder#appId} and a secret (or the explicit opt-out) are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A widget configured from {@code PYLON_APP_ID} and {@code PYLON_IDENTITY_SECRET} (or
   * {@code PYLON_IDENTITY_SECRET_FILE}), for logged-in users only.
   *
   * @throws ChatConfigurationException if a variable is missing or malformed
   * @see ChatEnvironment
   */
  public static PylonChatWidget fromEnvironment() {
    ChatEnvironment environment = ChatEnvironment.system();
    return builder().appId(environment.appId()).identitySecret(environment.identitySecret()).build();
  }

  /** The configured Pylon app id. */
  public String appId() {
    return appId;
  }

  /**
   * The URL of Pylon's widget script for this app, which the loader inserts: the widget URL with
   * the app id appended ({@code https://widget.usepylon.com/widget/<app id>} by default). For
   * front ends that start the widget themselves from {@link #settingsJson(Object)}.
   */
  public String widgetScriptUrl() {
    return widgetScriptUrl;
  }

  /** Whether identified users get an {@code email_hash} or a {@code jwt}. */
  public boolean verifiesIdentity() {
    return identityVerification() != IdentityVerification.NONE;
  }

  /** How identified users are verified: {@code email_hash}, {@code jwt} or not at all. */
  public IdentityVerification identityVerification() {
    return hasher != null ? IdentityVerification.EMAIL_HASH
        : signer != null ? IdentityVerification.JWT : IdentityVerification.NONE;
  }

  /**
   * Renders the widget for {@code user} to a string.
   *
   * @param user an object whose type (or a supertype) has {@code @ChatEmail}, a
   *     {@link ChatProfile}, or null when nobody is logged in
   * @param nonce the page's CSP nonce, or null/empty for none
   * @return the markup; empty for a logged-out user unless anonymous visitors get the widget
   * @throws IllegalArgumentException if the user is not a user object (a string, map, number or
   *     other JDK type), its type has no chat identity, its email is blank or has an unpaired
   *     surrogate, its avatar URL is not http(s), or the nonce is not base64; nothing has been
   *     written then
   * @throws IllegalStateException if a class named like the generated accessor exists but is not
   *     one (see {@link ChatIdentities})
   */
  public String render(Object user, String nonce) {
    StringBuilder out = new StringBuilder(1024);
    try {
      render(user, nonce, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /**
   * Renders the widget for {@code user} to {@code out} (for example a template's writer). The
   * user and the nonce are checked before anything is written, so a rejected call leaves
   * {@code out} untouched.
   *
   * <pre>{@code
   * widget.render(currentUser, cspNonce, response.getWriter());
   * }</pre>
   *
   * @throws IOException if {@code out} fails
   * @see #render(Object, String)
   */
  public void render(Object user, String nonce, Appendable out) throws IOException {
    String nonceAttribute = nonceAttribute(nonce);
    Settings settings = settingsFor(user);
    if (settings == null) {
      return;
    }
    out.append("<script").append(nonceAttribute).append(">window.pylon={\"chat_settings\":");
    appendJson(settings, out);
    out.append("};</script>\n<script").append(nonceAttribute).append('>').append(loaderScript).append("</script>\n");
  }

  /**
   * The {@code chat_settings} for {@code user} as JSON text, for front ends that render no pages
   * (a single-page app, a mobile app with Pylon's SDK) and set {@code window.pylon} themselves:
   * the same fields, rules and identity verification as {@link #render(Object, String)}, and the
   * same escaping, so the text is valid JSON for any input and safe to embed in HTML as well.
   * Only ever answer it for the logged-in user, with {@code Cache-Control: no-store}: it carries
   * the {@code email_hash}, which does not expire (or a token, valid for minutes).
   *
   * <pre>{@code
   * // a plain servlet: GET /pylon/chat-settings
   * protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
   *   Optional<String> settings = widget.settingsJson(request.getSession().getAttribute("currentUser"));
   *   response.setHeader("Cache-Control", "no-store");
   *   if (settings.isEmpty()) {
   *     response.setStatus(HttpServletResponse.SC_NO_CONTENT);   // logged out
   *     return;
   *   }
   *   response.setContentType("application/json");
   *   response.getWriter().write(settings.get());   // {"app_id":"...","email":"...","email_hash":"..."}
   *                                                 // or, with a JWT secret, ...,"jwt":"eyJ..."}
   * }
   * }</pre>
   *
   * @param user an object whose type (or a supertype) has {@code @ChatEmail}, a
   *     {@link ChatProfile}, or null when nobody is logged in
   * @return the JSON object; empty for a logged-out user, or {@code {"app_id":"..."}} if
   *     anonymous visitors get the widget
   * @throws IllegalArgumentException if the user is not a user object, its type has no chat
   *     identity, its email is blank or has an unpaired surrogate, or its avatar URL is not http(s)
   * @throws IllegalStateException if a class named like the generated accessor exists but is not
   *     one (see {@link ChatIdentities})
   */
  public Optional<String> settingsJson(Object user) {
    Settings settings = settingsFor(user);
    if (settings == null) {
      return Optional.empty();
    }
    StringBuilder json = new StringBuilder(256);
    try {
      appendJson(settings, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return Optional.of(json.toString());
  }

  /**
   * What is shown to one visitor: the user's profile (null for an anonymous visitor) and the
   * proof of identity Pylon checks (null when identity verification is off).
   */
  private record Settings(ChatProfile profile, Verification verification) {}

  /** The {@code chat_settings} field that lets Pylon verify the identity: {@code email_hash} or {@code jwt}. */
  private record Verification(String field, String value) {}

  /** An anonymous visitor's settings: the app id alone. */
  private static final Settings ANONYMOUS = new Settings(null, null);

  /** User, then profile, then verification: null when nothing is shown to this visitor. */
  private Settings settingsFor(Object user) {
    ChatProfile profile = user == null ? null : ChatIdentities.profileOf(user);
    if (profile == null) {
      return anonymous == AnonymousVisitors.WIDGET ? ANONYMOUS : null;
    }
    return new Settings(profile, verify(profile));
  }

  /**
   * Identity verification, the one place a profile is signed: the HMAC {@code email_hash} of
   * exactly the email that is sent, a token that signs the profile's identity fields as they are
   * sent, or nothing after {@link Builder#withoutIdentityVerification()}.
   */
  private Verification verify(ChatProfile profile) {
    if (hasher != null) {
      return new Verification("email_hash", hasher.hash(profile.email()));
    }
    return signer == null ? null : new Verification("jwt", signer.sign(profile));
  }

  /** The settings as one JSON object: app id, the profile's non-null fields, the verification. */
  private void appendJson(Settings settings, Appendable out) throws IOException {
    out.append("{\"app_id\":");
    ScriptSafeJson.appendQuoted(appId, out);
    ChatProfile profile = settings.profile();
    if (profile != null) {
      ScriptSafeJson.appendField("email", profile.email(), out);
      ScriptSafeJson.appendField("name", profile.name(), out);
      ScriptSafeJson.appendField("avatar_url", profile.avatarUrl(), out);
      ScriptSafeJson.appendField("account_id", profile.accountId(), out);
      ScriptSafeJson.appendField("account_external_id", profile.accountExternalId(), out);
    }
    Verification verification = settings.verification();
    if (verification != null) {
      ScriptSafeJson.appendField(verification.field(), verification.value(), out);
    }
    out.append('}');
  }

  private static String nonceAttribute(String nonce) {
    if (nonce == null || nonce.isEmpty()) {
      return "";
    }
    if (!isBase64(nonce)) {
      throw new IllegalArgumentException(
          "the CSP nonce must be base64 or base64url (letters, digits, + / - _ and up to two ="
              + " at the end); generate it from random bytes with Base64.getEncoder()");
    }
    return " nonce=\"" + nonce + "\"";
  }

  /**
   * Whether {@code text} is base64 or base64url: letters, digits, {@code + / - _}, then at most two
   * {@code =}. Checked by hand, as the equivalent regex cost more than the rest of a render.
   */
  private static boolean isBase64(String text) {
    int end = text.length();
    for (int padding = 0; padding < 2 && end > 0 && text.charAt(end - 1) == '='; padding++) {
      end--;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      boolean base64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '+' || c == '/' || c == '-' || c == '_';
      if (!base64) {
        return false;
      }
    }
    return true;
  }

  /** Pylon's official install snippet, with the widget URL as an escaped string literal. */
  private static String loaderScript(String widgetUrl) {
    String url = ScriptSafeJson.quote(widgetUrl);
    return "(function(){var e=window;var t=document;var n=function(){n.e(arguments)};n.q=[];"
        + "n.e=function(e){n.q.push(e)};e.Pylon=n;var r=function(){var e=t.createElement(\"script\");"
        + "e.setAttribute(\"type\",\"text/javascript\");e.setAttribute(\"async\",\"true\");"
        + "e.setAttribute(\"src\"," + url + ");var n=t.getElementsByTagName(\"script\")[0];"
        + "n.parentNode.insertBefore(e,n)};if(t.readyState===\"complete\"){r()}"
        + "else if(e.addEventListener){e.addEventListener(\"load\",r,false)}})();";
  }

  /**
   * Configuration of a {@link PylonChatWidget}. Every setting is validated by {@link #build()}
   * (or earlier), with a {@link ChatConfigurationException} that names the setting.
   */
  public static final class Builder {
    private String appId;
    private IdentitySecret secret;
    private JwtSecret jwtSecret;
    private Duration tokenLifetime;
    private Clock clock = Clock.systemUTC();
    private boolean withoutVerification;
    private String widgetUrl = DEFAULT_WIDGET_URL;
    private AnonymousVisitors anonymous = AnonymousVisitors.NOTHING;

    private Builder() {}

    /**
     * Pylon's app id (from Pylon's in-app chat settings): letters, digits, {@code -} and
     * {@code _}, surrounding whitespace ignored. Required. A value of more than 32 hex digits and
     * nothing else is refused as an identity secret given in the app id's place.
     *
     * @throws ChatConfigurationException (setting {@code appId}) if it is null, empty, not a
     *     Pylon app id or looks like an identity secret
     */
    public Builder appId(String appId) {
      this.appId = checkedAppId(appId);
      return this;
    }

    /**
     * The hex identity secret, for Pylon's "HMAC email hash" identity verification: each user gets
     * an {@code email_hash}. One of this, {@link #jwtSecret} or
     * {@link #withoutIdentityVerification()} is required.
     */
    public Builder identitySecret(IdentitySecret secret) {
      this.secret = secret;
      return this;
    }

    /**
     * The JWT secret, for Pylon's "JWT (signed token)" identity verification: each render signs a
     * new token, valid for {@link #tokenLifetime} (default 10 minutes), in
     * {@code chat_settings.jwt} instead of an {@code email_hash}. One of this,
     * {@link #identitySecret} or {@link #withoutIdentityVerification()} is required.
     *
     * <pre>{@code
     * builder.jwtSecret(JwtSecret.fromEnvironment()).tokenLifetime(Duration.ofMinutes(5));
     * }</pre>
     */
    public Builder jwtSecret(JwtSecret secret) {
      this.jwtSecret = secret;
      return this;
    }

    /**
     * How long each token is valid ({@code exp - iat}) with a {@link #jwtSecret}: from 1 to 15
     * minutes, in whole seconds; default 10 minutes. Pylon rejects a token valid for longer than
     * 15 minutes, so a longer lifetime is an error, never cut short.
     *
     * @throws ChatConfigurationException (setting {@code tokenLifetime}) if it is out of range
     */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = JwtSigner.checkedLifetime(lifetime);
      return this;
    }

    /** The clock that dates tokens (default {@link Clock#systemUTC()}); for tests. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Explicitly renders no proof of identity ({@link IdentityVerification#NONE}). Pylon then
     * cannot verify who is chatting and users cannot see their earlier chats; use only for local
     * development.
     */
    public Builder withoutIdentityVerification() {
      this.withoutVerification = true;
      return this;
    }

    /**
     * The widget base URL the app id is appended to (default {@value #DEFAULT_WIDGET_URL});
     * an absolute http(s) URL without query or fragment. A missing trailing {@code /} is added.
     *
     * @throws ChatConfigurationException (setting {@code widgetUrl}) if it is not such a URL
     */
    public Builder widgetUrl(String widgetUrl) {
      this.widgetUrl = normalizedWidgetUrl(widgetUrl);
      return this;
    }

    /** What logged-out visitors get (default {@link AnonymousVisitors#NOTHING}). */
    public Builder anonymousVisitors(AnonymousVisitors anonymous) {
      this.anonymous = anonymous;
      return this;
    }

    /**
     * Validates the settings and builds the widget.
     *
     * @throws ChatConfigurationException naming the setting that is missing or wrong
     */
    public PylonChatWidget build() {
      if (appId == null) {
        throw new ChatConfigurationException("appId", "is not set", APP_ID_FIX);
      }
      if (secret == null && jwtSecret == null && !withoutVerification) {
        throw new ChatConfigurationException("identity secret", "is not set",
            "Set " + IdentitySecret.ENV_SECRET + " (or configure it), or opt out of identity"
                + " verification explicitly for local development");
      }
      if (secret != null && jwtSecret != null) {
        throw new ChatConfigurationException("identity secret and JWT secret", "are both set",
            "Choose one kind of identity verification, as in Pylon's in-app chat settings: the identity"
                + " secret for the email hash, or the JWT secret for signed tokens");
      }
      if ((secret != null || jwtSecret != null) && withoutVerification) {
        throw new ChatConfigurationException(secret != null ? "identity secret" : "JWT secret",
            "is set although identity verification was turned off",
            "Either remove the secret or do not opt out of identity verification");
      }
      if (tokenLifetime != null && jwtSecret == null) {
        throw new ChatConfigurationException("tokenLifetime", "is set, but tokens are signed only with a JWT secret",
            "Set the JWT secret as well, or remove the token lifetime");
      }
      if (jwtSecret != null && clock == null) {
        throw new ChatConfigurationException("clock", "is null", "Leave it unset for the system clock");
      }
      if (anonymous == null) {
        throw new ChatConfigurationException("anonymousVisitors", "is null", "Use NOTHING or WIDGET");
      }
      return new PylonChatWidget(this, widgetUrl);
    }

    private static String normalizedWidgetUrl(String url) {
      String setting = "widgetUrl";
      String fix = "Leave it unset for " + DEFAULT_WIDGET_URL + ", or give an absolute http(s) URL";
      if (url == null || url.isBlank()) {
        throw new ChatConfigurationException(setting, "is empty", fix);
      }
      try {
        URI uri = new URI(url.strip());
        if (!ChatProfile.isHttpUrl(uri) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new ChatConfigurationException(setting, "is not an absolute http(s) URL without query", fix);
        }
      } catch (URISyntaxException e) {
        throw new ChatConfigurationException(setting, "is not a valid URL", fix);
      }
      String stripped = url.strip();
      return stripped.endsWith("/") ? stripped : stripped + "/";
    }
  }
}
