package io.github.pylonchat.contract;

import io.github.pylonchat.AnonymousVisitors;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.JwtSecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.contract.model.Customer;
import io.github.pylonchat.contract.model.Member;
import io.github.pylonchat.testing.TestVector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** The widgets, users and values every contract test renders with; immutable, so shared by all. */
public final class Contract {
  /** The app id of every widget. */
  public static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  /** A valid CSP nonce. */
  public static final String NONCE = "rAnd0m+/Nonce==";
  /** The default resolver, one instance, so that setups made from it are equal. */
  public static final ChatTagResolver TEMPLATE_VARIABLES = ChatTagResolver.templateVariables();
  /** The widget with Pylon's test vector's identity secret: users get an {@code email_hash}. */
  public static final PylonChatWidget WIDGET = PylonChatWidget.builder()
      .appId(APP_ID).identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX)).build();
  /** The text secret of {@link #TOKEN_WIDGET}. */
  public static final String JWT_SECRET = "contract-jwt-secret-Zq8vR2mX7tK4wB9nC3hF6";
  /** The fixed time at which {@link #TOKEN_WIDGET} signs. */
  public static final long NOW = 1_764_201_600L;
  /** How long {@link #TOKEN_WIDGET}'s tokens are valid, in seconds. */
  public static final long TOKEN_LIFETIME = 900;
  /** A widget in JWT mode, with a fixed clock. */
  public static final PylonChatWidget TOKEN_WIDGET = PylonChatWidget.builder()
      .appId(APP_ID)
      .jwtSecret(JwtSecret.ofText(JWT_SECRET))
      .tokenLifetime(Duration.ofSeconds(TOKEN_LIFETIME))
      .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
      .build();
  /** A widget that anonymous visitors get too, without identity. */
  public static final PylonChatWidget ANONYMOUS_WIDGET = PylonChatWidget.builder()
      .appId(APP_ID).identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .anonymousVisitors(AnonymousVisitors.WIDGET).build();
  /** The usual setup: {@link #WIDGET} with the default resolver. */
  public static final ChatTagSetup SETUP = ChatTagSetup.of(WIDGET);

  /** A JavaBean user whose name is markup, and whose {@code toString()} is empty. */
  public static final Customer ADA = new Customer("ada@example.com", "Ada <b>\"Countess\"</b> & </script>");
  /** A record user with every chat annotation. */
  public static final Member GRACE = new Member("grace@example.com", "Grace", null, "navy", null);

  /** What the runtime says about a user that is a string, which every tag reports. */
  public static final String STRING_USER = "the user is a string, not a user object. Pass the logged-in user"
      + " itself (an object whose class has @io.github.pylonchat.ChatEmail) or a ChatProfile; a map or a"
      + " string is not accepted because only @ChatEmail says which value is the verified email";
  /** What the runtime says about a nonce that is not base64. */
  public static final String BAD_NONCE = "the CSP nonce must be base64 or base64url (letters, digits, + / - _ and"
      + " up to two = at the end); generate it from random bytes with Base64.getEncoder()";

  private Contract() {}

  /** Template variables from names and values; values may be null (a variable that holds null). */
  public static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  /** The page a tag that writes {@code markup} gives. */
  public static String pageWith(String markup) {
    return TagForm.BEFORE + markup + TagForm.AFTER;
  }
}
