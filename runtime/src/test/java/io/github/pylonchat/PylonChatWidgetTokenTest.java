package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.ReferenceJwt;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.testmodel.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The widget with Pylon's "JWT (signed token)" identity verification, as a page and as JSON. */
class PylonChatWidgetTokenTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  private static final String SECRET = JwtSecretTest.SECRET;
  private static final long NOW = 1_764_201_600L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID).jwtSecret(JwtSecret.ofText(SECRET)).clock(CLOCK).build();
  private final Subscriber ada = new Subscriber("ada@example.com", "Ada \"</script><script>alert(1)</script>",
      "https://cdn.example.com/ada.png", "acme", "crm-42", "user-7");
  @AutoClose
  private final JsEngine js = new JsEngine();

  private Map<String, String> settingsOf(String html) {
    List<HtmlPage.Script> scripts = HtmlPage.scripts(html);
    assertEquals(2, scripts.size(), "settings script and loader script");
    return js.chatSettings(scripts.get(0).code());
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void chatSettingsCarryTheTokenAndTheSignedFieldsAsSignedButNoEmailHashOrContactExternalId() {
    Map<String, String> settings = settingsOf(widget.render(ada, "n0nce"));

    assertEquals(List.of("app_id", "email", "name", "avatar_url", "account_id", "account_external_id", "jwt"),
        List.copyOf(settings.keySet()));
    assertEquals(APP_ID, settings.get("app_id"));
    assertEquals(ada.email(), settings.get("email"));
    assertEquals(ada.name(), settings.get("name"));
    assertEquals(ada.avatarUrl(), settings.get("avatar_url"));
    assertEquals(ada.accountId(), settings.get("account_id"));
    assertEquals(ada.accountExternalId(), settings.get("account_external_id"));

    Map<String, Object> claims = ReferenceJwt.verifiedClaims(settings.get("jwt"), SECRET);
    assertEquals(map("aud", APP_ID, "email", ada.email(), "name", ada.name(), "account_external_id", "crm-42",
        "contact_external_id", "user-7", "iat", NOW, "exp", NOW + 600), claims);
    for (String field : List.of("email", "name", "account_external_id")) {
      assertEquals(claims.get(field), settings.get(field), "a value given beside the token equals the signed one: " + field);
    }
  }

  @Test
  void settingsJsonHonoursTheModeAndIsTheObjectOfTheScript() {
    String json = widget.settingsJson(ada).orElseThrow();
    Map<String, String> settings = js.jsonObject(json);

    assertFalse(settings.containsKey("email_hash"));
    assertFalse(settings.containsKey("contact_external_id"));
    assertFalse(json.contains("user-7"), "the contact external id is only inside the token: " + json);
    assertEquals("user-7", ReferenceJwt.verifiedClaims(settings.get("jwt"), SECRET).get("contact_external_id"));
    assertEquals("window.pylon={\"chat_settings\":" + json + "};",
        HtmlPage.scripts(widget.render(ada, null)).get(0).code(), "the same clock second gives the same token");
  }

  @ParameterizedTest
  @ValueSource(longs = {60, 300, 900})
  void expMinusIatIsTheConfiguredLifetimeAndAudIsTheAppId(long seconds) {
    PylonChatWidget configured = PylonChatWidget.builder().appId(APP_ID).jwtSecret(JwtSecret.ofText(SECRET))
        .tokenLifetime(Duration.ofSeconds(seconds)).clock(CLOCK).build();
    Map<String, Object> claims = ReferenceJwt.verifiedClaims(
        js.jsonObject(configured.settingsJson(ChatProfile.of("a@example.com", null)).orElseThrow()).get("jwt"), SECRET);
    assertEquals(seconds, (Long) claims.get("exp") - (Long) claims.get("iat"));
    assertEquals(APP_ID, claims.get("aud"));
  }

  @Test
  void everyRenderSignsANewTokenDatedByTheClock() {
    Instant[] now = {Instant.ofEpochSecond(NOW)};
    Clock moving = new Clock() {
      @Override public ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(ZoneId zone) { return this; }
      @Override public Instant instant() { return now[0]; }
    };
    PylonChatWidget timed = PylonChatWidget.builder().appId(APP_ID).jwtSecret(JwtSecret.ofText(SECRET)).clock(moving).build();
    String first = settingsOf(timed.render(ada, null)).get("jwt");
    now[0] = now[0].plusSeconds(61);
    String second = settingsOf(timed.render(ada, null)).get("jwt");

    assertNotEquals(first, second);
    assertEquals(NOW + 61, ReferenceJwt.verifiedClaims(second, SECRET).get("iat"));
  }

  @Test
  void anAnonymousVisitorGetsTheAppIdAloneAndNoToken() {
    PylonChatWidget anonymous = PylonChatWidget.builder().appId(APP_ID).jwtSecret(JwtSecret.ofText(SECRET))
        .anonymousVisitors(AnonymousVisitors.WIDGET).build();
    assertEquals(Map.of("app_id", APP_ID), settingsOf(anonymous.render(null, null)));
    assertEquals(Optional.of("{\"app_id\":\"" + APP_ID + "\"}"), anonymous.settingsJson(null));
    assertEquals("", widget.render(null, null));
  }

  @Test
  void anEmailWithALoneSurrogateIsRefusedAndNothingIsWritten() {
    StringBuilder out = new StringBuilder();
    assertThrows(IllegalArgumentException.class,
        () -> widget.render(new Subscriber("ada\ud800@example.com", null, null, null, null, null), null, out));
    assertEquals("", out.toString());
  }

  @Test
  void theWidgetReportsItsKindOfIdentityVerification() {
    assertEquals(IdentityVerification.JWT, widget.identityVerification());
    assertTrue(widget.verifiesIdentity());
    PylonChatWidget hashed = PylonChatWidget.builder().appId(APP_ID)
        .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX)).build();
    assertEquals(IdentityVerification.EMAIL_HASH, hashed.identityVerification());
    PylonChatWidget unverified = PylonChatWidget.builder().appId(APP_ID).withoutIdentityVerification().build();
    assertEquals(IdentityVerification.NONE, unverified.identityVerification());
    assertFalse(unverified.verifiesIdentity());
  }

  @Test
  void oneKindOfIdentityVerificationOnly() {
    ChatConfigurationException both = assertThrows(ChatConfigurationException.class, () -> PylonChatWidget.builder()
        .appId(APP_ID).identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX)).jwtSecret(JwtSecret.ofText(SECRET))
        .build());
    assertEquals("identity secret and JWT secret are both set. Choose one kind of identity verification, as in"
        + " Pylon's in-app chat settings: the identity secret for the email hash, or the JWT secret for signed tokens",
        both.getMessage());
    ChatConfigurationException optedOut = assertThrows(ChatConfigurationException.class, () -> PylonChatWidget.builder()
        .appId(APP_ID).jwtSecret(JwtSecret.ofText(SECRET)).withoutIdentityVerification().build());
    assertEquals("JWT secret", optedOut.setting());
  }

  @Test
  void aTokenLifetimeWithoutAJwtSecretIsAnError() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class, () -> PylonChatWidget.builder()
        .appId(APP_ID).identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX)).tokenLifetime(Duration.ofMinutes(5))
        .build());
    assertEquals("tokenLifetime is set, but tokens are signed only with a JWT secret. Set the JWT secret as well,"
        + " or remove the token lifetime", e.getMessage());
  }

  @Test
  void aLifetimeLongerThanFifteenMinutesIsRefusedNotCutShort() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().tokenLifetime(Duration.ofMinutes(20)));
    assertEquals("tokenLifetime", e.setting());
    assertTrue(e.problem().contains("longer than 15 minutes"), e.problem());
  }

  @Test
  void theSecretNeverAppearsInOutputOrMessages() {
    String html = widget.render(ada, null);
    IdentitySecretTest.assertNoSecretIn(html, SECRET);
    IdentitySecretTest.assertNoSecretIn(widget.toString(), SECRET);
  }
}
