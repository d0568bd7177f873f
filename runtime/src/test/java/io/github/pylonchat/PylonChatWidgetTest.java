package io.github.pylonchat;

import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testmodel.Member;
import io.github.pylonchat.testmodel.Staff;
import io.github.pylonchat.testmodel.Visitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PylonChatWidgetTest {
  static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";

  /** Pylon's official install snippet, verbatim from Pylon's documentation. */
  static final String OFFICIAL_LOADER = "(function(){var e=window;var t=document;var n=function(){n.e(arguments)};n.q=[];n.e=function(e){n.q.push(e)};e.Pylon=n;var r=function(){var e=t.createElement(\"script\");e.setAttribute(\"type\",\"text/javascript\");e.setAttribute(\"async\",\"true\");e.setAttribute(\"src\",\"https://widget.usepylon.com/widget/APP_ID\");var n=t.getElementsByTagName(\"script\")[0];n.parentNode.insertBefore(e,n)};if(t.readyState===\"complete\"){r()}else if(e.addEventListener){e.addEventListener(\"load\",r,false)}})();";

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();

  @AutoClose
  private final JsEngine js = new JsEngine();

  /** Parses {@code html} as a page, expects the two widget scripts, and runs the first one. */
  private Map<String, String> settingsOf(String html, String expectedNonce) {
    List<HtmlPage.Script> scripts = HtmlPage.scripts(html);
    assertEquals(2, scripts.size(), "settings script and loader script");
    assertEquals(expectedNonce, scripts.get(0).nonce());
    assertEquals(expectedNonce, scripts.get(1).nonce());
    return js.chatSettings(scripts.get(0).code());
  }

  private static Map<String, String> settings(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void rendersTheSettingsScriptThenPylonsOfficialLoaderScript() {
    String nonce = "rAnd0m+/Nonce==";
    String html = widget.render(ChatProfile.of("ada@example.com", "Ada Lovelace"), nonce);

    assertEquals("<script nonce=\"rAnd0m+/Nonce==\">window.pylon={\"chat_settings\":{"
        + "\"app_id\":\"" + APP_ID + "\",\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\","
        + "\"email_hash\":\"" + ReferenceHmac.emailHash("ada@example.com") + "\"}};</script>\n"
        + "<script nonce=\"rAnd0m+/Nonce==\">" + OFFICIAL_LOADER.replace("APP_ID", APP_ID) + "</script>\n",
        html);
  }

  @Test
  void everyFieldOfAnAnnotatedUserReadsBackIdenticalInJavaScript() {
    Member member = new Member("ada+chat@example.com", "Ada \"</script><script>alert(1)</script>",
        "https://cdn.example.com/a.png?size=64&shape='round'", "acct-42", "ext/42\\x");

    Map<String, String> read = settingsOf(widget.render(member, null), null);

    assertEquals(settings(
        "app_id", APP_ID,
        "email", member.email(),
        "name", member.name(),
        "avatar_url", member.avatarUrl(),
        "account_id", member.accountId(),
        "account_external_id", member.accountExternalId(),
        "email_hash", ReferenceHmac.emailHash(member.email())), read);
  }

  @Test
  void aChatProfileCanBePassedInsteadOfAUserObject() {
    ChatProfile profile = new ChatProfile("grace@example.com", "Grace", null, "acct-7", null);

    assertEquals(settings(
        "app_id", APP_ID,
        "email", "grace@example.com",
        "name", "Grace",
        "account_id", "acct-7",
        "email_hash", ReferenceHmac.emailHash("grace@example.com")), settingsOf(widget.render(profile, null), null));
  }

  @Test
  void nullOptionalFieldsAreLeftOut() {
    Map<String, String> expected = settings(
        "app_id", APP_ID, "email", "solo@example.com", "email_hash", ReferenceHmac.emailHash("solo@example.com"));

    assertAll(
        () -> assertEquals(expected,
            settingsOf(widget.render(new Member("solo@example.com", null, null, null, null), null), null)),
        () -> assertEquals(expected, settingsOf(widget.render(new Staff("solo@example.com", null), null), null)),
        () -> assertFalse(widget.render(new Staff("solo@example.com", null), null).contains("null")));
  }

  @Test
  void emailHashIsPylonsTestVector() {
    Map<String, String> read = settingsOf(widget.render(new Staff("user@example.com", null), null), null);

    assertEquals(TestVector.EMAIL_HASH, read.get("email_hash"));
  }

  @Test
  void emailHashSignsExactlyTheEmittedEmailWithoutTrimmingOrCaseFolding() {
    String email = " Ada.Lovelace@Example.COM\t";

    Map<String, String> read = settingsOf(widget.render(new Staff(email, null), null), null);

    assertEquals(email, read.get("email"));
    assertEquals(ReferenceHmac.emailHash(email), read.get("email_hash"));
    assertTrue(IdentitySecret.ofHex(TestVector.SECRET_HEX).hasher().verify(read.get("email"), read.get("email_hash")));
  }

  @Test
  void noEmailHashWhenIdentityVerificationIsTurnedOff() {
    PylonChatWidget unverified = PylonChatWidget.builder().appId(APP_ID).withoutIdentityVerification().build();

    Map<String, String> read = settingsOf(unverified.render(ChatProfile.of("ada@example.com", "Ada"), null), null);

    assertEquals(settings("app_id", APP_ID, "email", "ada@example.com", "name", "Ada"), read);
    assertFalse(unverified.verifiesIdentity());
    assertTrue(widget.verifiesIdentity());
  }

  static Stream<Arguments> specialCharacters() {
    return Stream.of(
        Arguments.of("double quote", "\"", "\\\""),
        Arguments.of("backslash", "\\", "\\\\"),
        Arguments.of("line feed", "\n", "\\n"),
        Arguments.of("carriage return", "\r", "\\r"),
        Arguments.of("tab", "\t", "\\t"),
        Arguments.of("NUL", "\0", "\\u0000"),
        Arguments.of("other control character", "\u001b", "\\u001b"),
        Arguments.of("DEL", "\u007f", "\\u007f"),
        Arguments.of("less-than", "<", "\\u003c"),
        Arguments.of("greater-than", ">", "\\u003e"),
        Arguments.of("ampersand", "&", "\\u0026"),
        Arguments.of("apostrophe", "'", "\\u0027"),
        Arguments.of("line separator U+2028", "\u2028", "\\u2028"),
        Arguments.of("paragraph separator U+2029", "\u2029", "\\u2029"),
        Arguments.of("C1 control U+0085", "\u0085", "\\u0085"),
        Arguments.of("non-ASCII letter", "é", "\\u00e9"),
        Arguments.of("emoji (surrogate pair)", "😀", "\\ud83d\\ude00"),
        Arguments.of("lone high surrogate", "\ud800", "\\ud800"),
        Arguments.of("lone low surrogate", "\udfff", "\\udfff"),
        Arguments.of("byte order mark", "\ufeff", "\\ufeff"),
        Arguments.of("closing script tag", "</script>", "\\u003c/script\\u003e"),
        Arguments.of("comment opener", "<!--", "\\u003c!--"),
        Arguments.of("CDATA end", "]]>", "]]\\u003e"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specialCharacters")
  void specialCharactersAreEscapedInsideTheJsonStringAndReadBackIdentical(String what, String text, String escaped) {
    String name = "a" + text + "b";
    String accountId = text + "-id";
    // An email with a lone surrogate is refused (see below); names and ids keep them, escaped.
    String email = "x" + (isLoneSurrogate(text) ? "" : text) + "@example.com";
    String html = widget.render(new Member(email, name, null, accountId, null), null);

    assertTrue(html.contains(",\"name\":\"a" + escaped + "b\","), () -> what + " not escaped as " + escaped + " in " + html);
    assertTrue(html.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "output is printable ASCII");
    Map<String, String> read = settingsOf(html, null);
    assertEquals(name, read.get("name"));
    assertEquals(accountId, read.get("account_id"));
    assertEquals(email, read.get("email"));
    assertEquals(ReferenceHmac.emailHash(read.get("email")), read.get("email_hash"));
  }

  private static boolean isLoneSurrogate(String text) {
    return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"victim\ud800@example.com", "victim\udfff@example.com", "victim@example.com\ud83d",
      "\ude00\ud83d@example.com"})
  void anEmailWithALoneSurrogateIsRefusedAndNothingIsWritten(String email) {
    // String.getBytes would sign "victim?@example.com" in its place: that user's hash.
    StringBuilder out = new StringBuilder();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> widget.render(new Member(email, "Victim", null, null, null), null, out));

    assertEquals("the chat email contains an unpaired surrogate (half of a UTF-16 surrogate pair, which has no"
        + " UTF-8 form), so it cannot be signed exactly as it is shown: fix where the email is read or stored",
        e.getMessage());
    assertEquals("", out.toString());
  }

  @Test
  void aNameWithALoneSurrogateIsStillWrittenEscaped() {
    String html = widget.render(ChatProfile.of("ada@example.com", "Ada\ud800"), null);

    assertTrue(html.contains("\"name\":\"Ada\\ud800\""), html);
    assertEquals("Ada\ud800", settingsOf(html, null).get("name"));
  }

  @Test
  void loaderInsertsAnAsyncScriptForTheAppOnceThePageHasLoaded() {
    String loader = HtmlPage.scripts(widget.render(new Staff("a@example.com", null), null)).get(1).code();

    JsEngine.LoaderRun run = js.runLoader(loader, true);

    assertEquals(List.of(Map.of("tagName", "script", "type", "text/javascript", "async", "true",
        "src", "https://widget.usepylon.com/widget/" + APP_ID)), run.insertedElements());
    assertEquals(0, run.loadListeners());
    assertTrue(run.pylonIsQueueingStub(), "window.Pylon queues calls until the widget has loaded");
  }

  @Test
  void loaderWaitsForTheLoadEventWhileThePageIsLoading() {
    String loader = HtmlPage.scripts(widget.render(new Staff("a@example.com", null), null)).get(1).code();

    JsEngine.LoaderRun run = js.runLoader(loader, false);

    assertEquals(1, run.loadListeners());
    assertEquals(1, run.insertedElements().size(), "inserted when the load event fires");
    assertEquals("https://widget.usepylon.com/widget/" + APP_ID, run.insertedElements().get(0).get("src"));
  }

  @Test
  void aCustomWidgetUrlGetsATrailingSlashAndTheAppId() {
    PylonChatWidget custom = PylonChatWidget.builder().appId(APP_ID).withoutIdentityVerification()
        .widgetUrl("  https://pylon-proxy.example.com/chat/widget  ").build();
    String loader = HtmlPage.scripts(custom.render(new Staff("a@example.com", null), null)).get(1).code();

    assertEquals("https://pylon-proxy.example.com/chat/widget/" + APP_ID,
        js.runLoader(loader, true).insertedElements().get(0).get("src"));
    assertEquals("https://pylon-proxy.example.com/chat/widget/" + APP_ID, custom.widgetScriptUrl(),
        "what front ends that start the widget themselves insert");
    assertEquals("https://widget.usepylon.com/widget/" + APP_ID, widget.widgetScriptUrl());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rAnd0m+/Nonce==", "url-safe_nonce", "AAAA", "x="})
  void aBase64OrBase64UrlNonceIsPutOnBothScriptsAsGiven(String nonce) {
    String html = widget.render(new Staff("a@example.com", null), nonce);

    settingsOf(html, nonce);
    assertEquals(2, html.split(" nonce=\"" + java.util.regex.Pattern.quote(nonce) + "\"", -1).length - 1);
  }

  @Test
  void aNullOrEmptyNonceGivesScriptsWithoutNonce() {
    assertAll(
        () -> settingsOf(widget.render(new Staff("a@example.com", null), null), null),
        () -> settingsOf(widget.render(new Staff("a@example.com", null), ""), null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc def", "abc\"><script>alert(1)</script>", "a'b", "nonce;", "===", "ab=c", "\u00e9t\u00e9", " abc"})
  void aNonceThatIsNotBase64IsRejectedAndNothingIsWritten(String nonce) {
    StringBuilder out = new StringBuilder();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> widget.render(new Staff("a@example.com", null), nonce, out));

    assertEquals("the CSP nonce must be base64 or base64url (letters, digits, + / - _ and up to two ="
        + " at the end); generate it from random bytes with Base64.getEncoder()", e.getMessage());
    assertEquals("", out.toString());
  }

  @Test
  void renderingToAnAppendableWritesTheSameMarkupAsRenderingToAString() throws IOException {
    StringBuilder out = new StringBuilder("<p>before</p>");

    widget.render(new Staff("a@example.com", null), "n0nce", out);

    assertEquals("<p>before</p>" + widget.render(new Staff("a@example.com", null), "n0nce"), out.toString());
  }

  @Test
  void settingsJsonIsTheChatSettingsObjectOfTheScript() {
    Member ada = new Member("ada@example.com", "Ada \"</script>", "https://cdn.example.com/ada.png", "acme", "u-1");

    String json = widget.settingsJson(ada).orElseThrow();

    assertEquals("{\"app_id\":\"" + APP_ID + "\",\"email\":\"ada@example.com\",\"name\":\"Ada \\\"\\u003c/script\\u003e\","
        + "\"avatar_url\":\"https://cdn.example.com/ada.png\",\"account_id\":\"acme\",\"account_external_id\":\"u-1\","
        + "\"email_hash\":\"" + ReferenceHmac.emailHash("ada@example.com") + "\"}", json);
    assertTrue(widget.render(ada, "n0nce").startsWith(
        "<script nonce=\"n0nce\">window.pylon={\"chat_settings\":" + json + "};</script>\n"));
    assertEquals(settingsOf(widget.render(ada, null), null), js.jsonObject(json));
  }

  @Test
  void settingsJsonIsEmptyForALoggedOutVisitorAndTheAppIdAloneWhenAnonymousVisitorsGetTheWidget() {
    PylonChatWidget open = PylonChatWidget.builder().appId(APP_ID)
        .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
        .anonymousVisitors(AnonymousVisitors.WIDGET).build();

    assertEquals(Optional.empty(), widget.settingsJson(null));
    assertEquals(Optional.of("{\"app_id\":\"" + APP_ID + "\"}"), open.settingsJson(null));
  }

  @Test
  void settingsJsonWithoutIdentityVerificationHasNoEmailHash() {
    PylonChatWidget unverified = PylonChatWidget.builder().appId(APP_ID).withoutIdentityVerification().build();

    assertEquals(settings("app_id", APP_ID, "email", "ada@example.com", "name", "Ada"),
        js.jsonObject(unverified.settingsJson(ChatProfile.of("ada@example.com", "Ada")).orElseThrow()));
  }

  @Test
  void settingsJsonRefusesWhatRenderRefuses() {
    assertThrows(IllegalArgumentException.class, () -> widget.settingsJson("ada@example.com"));
    assertThrows(IllegalArgumentException.class, () -> widget.settingsJson(new Visitor("a@example.com", "A")));
    assertThrows(IllegalArgumentException.class, () -> widget.settingsJson(new Staff(" ", null)));
    assertThrows(IllegalArgumentException.class,
        () -> widget.settingsJson(new Member("victim\ud800@example.com", null, null, null, null)));
  }

  @Test
  void settingsJsonKeepsLoneSurrogatesInNamesAsValidJson() {
    String json = widget.settingsJson(ChatProfile.of("ada@example.com", "\udc00Ada\ud800")).orElseThrow();

    assertTrue(json.contains("\"name\":\"\\udc00Ada\\ud800\""), json);
    assertEquals("\udc00Ada\ud800", js.jsonObject(json).get("name"));
  }

  @Test
  void nothingIsRenderedForALoggedOutVisitorByDefault() {
    assertEquals("", widget.render(null, "n0nce"));
  }

  @Test
  void anonymousVisitorsCanGetTheWidgetWithTheAppIdOnly() {
    PylonChatWidget open = PylonChatWidget.builder().appId(APP_ID)
        .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
        .anonymousVisitors(AnonymousVisitors.WIDGET).build();

    String html = open.render(null, "n0nce");

    assertEquals(settings("app_id", APP_ID), settingsOf(html, "n0nce"));
    assertEquals("https://widget.usepylon.com/widget/" + APP_ID,
        js.runLoader(HtmlPage.scripts(html).get(1).code(), true).insertedElements().get(0).get("src"));
    assertEquals(ReferenceHmac.emailHash("a@example.com"),
        settingsOf(open.render(new Staff("a@example.com", null), null), null).get("email_hash"),
        "logged-in users are still identified");
  }

  @Test
  void aUserOfATypeWithoutChatEmailIsRejectedNamingTheTypeAndTheAnnotation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> widget.render(new Visitor("a@example.com", "A"), null));

    assertEquals("io.github.pylonchat.testmodel.Visitor has no chat identity: annotate the member that"
        + " holds the user's email with @io.github.pylonchat.ChatEmail, and make sure pylon-chat-processor"
        + " is on the annotationProcessorPaths so that io.github.pylonchat.testmodel.VisitorChatIdentity"
        + " is generated", e.getMessage());
  }

  static Stream<Arguments> notUserObjects() {
    return Stream.of(
        Arguments.of("ada@example.com", "java.lang.String"),
        Arguments.of(Map.of("email", "ada@example.com"), Map.of("email", "").getClass().getName()),
        Arguments.of(Optional.of(new Staff("ada@example.com", null)), "java.util.Optional"),
        Arguments.of(42L, "java.lang.Long"));
  }

  @ParameterizedTest
  @MethodSource("notUserObjects")
  void aStringMapOrOtherJdkValueIsRejectedAsNotAUserObject(Object notAUser, String typeName) {
    StringBuilder out = new StringBuilder();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> widget.render(notAUser, null, out));

    assertEquals("the user is a " + typeName + ", not a user object: pass the logged-in user itself"
        + " (an object whose class has @io.github.pylonchat.ChatEmail), a ChatProfile, or null when"
        + " nobody is logged in", e.getMessage());
    assertFalse(e.getMessage().contains("ada@example.com"), "user data stays out of the message");
    assertEquals("", out.toString());
  }

  @Test
  void aLoggedInUserWithABlankEmailIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> widget.render(new Staff("  ", null), null));

    assertEquals("the chat email is blank: a logged-in user needs an email for Pylon's identity verification",
        e.getMessage());
  }

  @Test
  void theAppIdIsRequired() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().withoutIdentityVerification().build());

    assertEquals("appId is not set. Set it to the app id from Pylon's in-app chat settings", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc</script>", "app id", "\"", "-leading-dash", "x\u2028y"})
  void anAppIdWithCharactersPylonDoesNotUseIsRejectedWhenItIsSet(String appId) {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().appId(appId));

    assertEquals("appId", e.setting());
    assertEquals("appId is not a Pylon app id (only letters, digits, - and _ are allowed, at most"
        + " 128). Copy the app id from Pylon's in-app chat settings, for example"
        + " 8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f", e.getMessage());
  }

  @Test
  void aCallerReportsTheProblemUnderItsOwnSettingsName() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().appId("app id"));

    ChatConfigurationException relabelled = e.withSetting("pylon.chat.app-id");

    assertEquals("pylon.chat.app-id", relabelled.setting());
    assertEquals(e.problem(), relabelled.problem());
    assertEquals(e.fix(), relabelled.fix());
    assertEquals("pylon.chat.app-id is not a Pylon app id (only letters, digits, - and _ are allowed, at most"
        + " 128). Copy the app id from Pylon's in-app chat settings, for example"
        + " 8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f", relabelled.getMessage());
  }

  @Test
  void aBlankAppIdIsReportedAsEmpty() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().appId("   "));

    assertEquals("appId is empty. Set it to the app id from Pylon's in-app chat settings", e.getMessage());
  }

  @Test
  void theAppIdIsTrimmed() {
    PylonChatWidget trimmed = PylonChatWidget.builder().appId(" " + APP_ID + "\n").withoutIdentityVerification().build();

    assertEquals(APP_ID, trimmed.appId());
  }

  static Stream<Arguments> badWidgetUrls() {
    String fix = ". Leave it unset for https://widget.usepylon.com/widget/, or give an absolute http(s) URL";
    return Stream.of(
        Arguments.of("", "widgetUrl is empty" + fix),
        Arguments.of("/widget/", "widgetUrl is not an absolute http(s) URL without query" + fix),
        Arguments.of("javascript:alert(1)//", "widgetUrl is not an absolute http(s) URL without query" + fix),
        Arguments.of("https://widget.example.com/w?app=", "widgetUrl is not an absolute http(s) URL without query" + fix),
        Arguments.of("https://widget.example.com/w#x", "widgetUrl is not an absolute http(s) URL without query" + fix),
        Arguments.of("https://widget.example.com/\"</script>", "widgetUrl is not a valid URL" + fix));
  }

  @ParameterizedTest
  @MethodSource("badWidgetUrls")
  void aWidgetUrlThatIsNotAnAbsoluteHttpUrlIsRejected(String url, String message) {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().appId(APP_ID).withoutIdentityVerification().widgetUrl(url).build());

    assertEquals(message, e.getMessage());
  }

  @Test
  void theIdentitySecretIsRequiredUnlessVerificationIsExplicitlyTurnedOff() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().appId(APP_ID).build());

    assertEquals("identity secret is not set. Set PYLON_IDENTITY_SECRET (or configure it), or opt out of"
        + " identity verification explicitly for local development", e.getMessage());
  }

  @Test
  void aSecretTogetherWithTheOptOutIsRejected() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().appId(APP_ID)
            .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX)).withoutIdentityVerification().build());

    assertEquals("identity secret is set although identity verification was turned off. Either remove the"
        + " secret or do not opt out of identity verification", e.getMessage());
  }

  @Test
  void theAnonymousPolicyMustNotBeNull() {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> PylonChatWidget.builder().appId(APP_ID).withoutIdentityVerification().anonymousVisitors(null).build());

    assertEquals("anonymousVisitors is null. Use NOTHING or WIDGET", e.getMessage());
  }

  @Test
  void theSecretNeverAppearsInOutputOrErrorMessages() {
    String secret = "c0ffee00deadbeef0123456789abcdef00112233445566778899aabbccddeeff";
    PylonChatWidget secretWidget = PylonChatWidget.builder().appId(APP_ID)
        .identitySecret(IdentitySecret.ofHex(secret)).anonymousVisitors(AnonymousVisitors.WIDGET).build();
    List<String> seen = new ArrayList<>();
    seen.add(secretWidget.render(new Member("ada@example.com", "Ada", "https://a.example/x.png", "1", "2"), "n0nce"));
    seen.add(secretWidget.render(null, null));
    seen.add(secretWidget.toString());
    List<Runnable> failures = List.of(
        () -> secretWidget.render(new Staff("a@example.com", null), "bad nonce"),
        () -> secretWidget.render(new Visitor("a@example.com", "A"), null),
        () -> secretWidget.render("a@example.com", null),
        () -> secretWidget.render(new Staff(" ", null), null),
        () -> PylonChatWidget.builder().appId(APP_ID).identitySecret(IdentitySecret.ofHex(secret))
            .withoutIdentityVerification().build(),
        () -> PylonChatWidget.builder().appId("bad app").identitySecret(IdentitySecret.ofHex(secret)).build(),
        () -> PylonChatWidget.builder().appId(APP_ID).identitySecret(IdentitySecret.ofHex(secret))
            .widgetUrl("ftp://x").build());
    for (Runnable failure : failures) {
      RuntimeException e = assertThrows(RuntimeException.class, failure::run);
      for (Throwable t = e; t != null; t = t.getCause()) {
        seen.add(String.valueOf(t.getMessage()));
        seen.add(t.toString());
      }
    }

    for (String text : seen) {
      String lower = text.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains(secret.substring(0, 16)), () -> "secret leaked in: " + text);
      assertFalse(lower.contains(secret.substring(48)), () -> "secret leaked in: " + text);
    }
    assertNull(settingsOf(seen.get(1), null).get("email_hash"));
  }
}
