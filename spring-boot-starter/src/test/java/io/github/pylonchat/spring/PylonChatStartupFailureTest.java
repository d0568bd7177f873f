package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.ChatContexts.withEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A missing or malformed setting stops start-up with a report that names the setting and the fix,
 * and never shows the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class PylonChatStartupFailureTest {
  /** Looks like a real secret, so a leak of any part of it would be found. */
  private static final String SECRET_PART = "c0ffee15600d".repeat(5) + "c0ff"; // 64 hex digits, as Pylon's

  @TempDir
  static Path dir;

  record Case(String name, Map<String, Object> env, String[] properties, String description, String action) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, Map<String, Object> env, String description, String action, String... properties) {
    return new Case(name, env, properties, description, action);
  }

  static Stream<Case> badSettings() throws Exception {
    Path unreadable = dir.resolve("missing-secret-file");
    Path oddFile = Files.writeString(dir.resolve("odd-secret"), SECRET_PART + "a\n");
    Path twoLines = Files.writeString(dir.resolve("two-secrets"), SECRET_PART + "\n" + SECRET_PART + "\n");
    String appId = "pylon.chat.app-id=app";
    return Stream.of(
        of("missing app id", Map.of(),
            "pylon.chat.app-id (or PYLON_APP_ID) is not set.",
            "Set it to the app id from Pylon's in-app chat settings.",
            "pylon.chat.identity-secret=" + SECRET_PART),
        of("empty app id", Map.of(),
            "pylon.chat.app-id is empty.",
            "Set it to the app id from Pylon's in-app chat settings.",
            "pylon.chat.app-id=", "pylon.chat.identity-secret=" + SECRET_PART),
        of("malformed app id", Map.of(),
            "pylon.chat.app-id is not a Pylon app id",
            "Copy the app id from Pylon's in-app chat settings",
            "pylon.chat.app-id=my app!", "pylon.chat.identity-secret=" + SECRET_PART),
        of("malformed PYLON_APP_ID", Map.of("PYLON_APP_ID", "<app>", "PYLON_IDENTITY_SECRET", SECRET_PART),
            "PYLON_APP_ID is not a Pylon app id",
            "Copy the app id from Pylon's in-app chat settings"),
        // swapped variables: in JWT mode a UUID is a long enough secret, and the secret would be every page's app_id
        of("JWT mode with PYLON_APP_ID and PYLON_IDENTITY_SECRET swapped",
            Map.of("PYLON_APP_ID", SECRET_PART, "PYLON_IDENTITY_SECRET", "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f"),
            "PYLON_APP_ID looks like an identity secret (64 hex digits), not a Pylon app id: the app id and the secret"
                + " may be swapped.",
            "Set it to the app id from Pylon's in-app chat settings (such as 8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f) and"
                + " the secret only in the identity secret's setting (such as PYLON_IDENTITY_SECRET); if the secret was"
                + " ever served as the app id, rotate it in Pylon.",
            "pylon.chat.identity-verification=jwt"),
        of("app id that looks like a hex secret", Map.of(),
            "pylon.chat.app-id looks like an identity secret (64 hex digits), not a Pylon app id: the app id and the"
                + " secret may be swapped.",
            "rotate it in Pylon",
            "pylon.chat.app-id=" + SECRET_PART.toUpperCase(Locale.ROOT),
            "pylon.chat.identity-secret=" + SECRET_PART),
        of("missing secret", Map.of(),
            "pylon.chat.identity-secret (or PYLON_IDENTITY_SECRET) is not set (nor PYLON_IDENTITY_SECRET_FILE).",
            "Set it to the hex identity secret from Pylon's in-app chat settings, or PYLON_IDENTITY_SECRET_FILE to the"
                + " path of a file that contains it; for local development without a secret, set"
                + " pylon.chat.identity-verification=none.",
            appId),
        of("JWT mode without a secret", Map.of(),
            "pylon.chat.identity-secret (or PYLON_IDENTITY_SECRET) is not set (nor PYLON_IDENTITY_SECRET_FILE).",
            "Set it to the JWT secret from Pylon's in-app chat settings, or PYLON_IDENTITY_SECRET_FILE to the path of"
                + " a file that contains it; for local development without a secret, set"
                + " pylon.chat.identity-verification=none.",
            appId, "pylon.chat.identity-verification=jwt"),
        of("JWT mode with a secret that is too short", Map.of(),
            "pylon.chat.identity-secret has only 30 bytes, too few for an HS256 key (RFC 7518 requires at least 32,"
                + " that is 256 bits)",
            "copy the whole JWT secret from Pylon's in-app chat settings (Identity Verification Secret, the"
                + " \"JWT (signed token)\" option)",
            appId, "pylon.chat.identity-verification=jwt", "pylon.chat.identity-secret=" + SECRET_PART.substring(0, 30)),
        of("JWT mode with PYLON_IDENTITY_SECRET_FILE of two lines", Map.of("PYLON_IDENTITY_SECRET_FILE", twoLines.toString()),
            "the file named by PYLON_IDENTITY_SECRET_FILE has a control character (such as a line break) at"
                + " position 65",
            "a secrets file holds only the secret",
            appId, "pylon.chat.identity-verification=jwt"),
        of("JWT lifetime longer than 15 minutes", Map.of(),
            "pylon.chat.jwt.lifetime is 16m, longer than 15 minutes: Pylon rejects a token that is valid for longer.",
            "Use a lifetime from 1 to 15 minutes (default 10 minutes).",
            appId, "pylon.chat.identity-verification=jwt", "pylon.chat.identity-secret=" + SECRET_PART,
            "pylon.chat.jwt.lifetime=16m"),
        of("JWT lifetime shorter than a minute", Map.of(),
            "pylon.chat.jwt.lifetime is 30s, shorter than 1 minute",
            "Use a lifetime from 1 to 15 minutes",
            appId, "pylon.chat.identity-verification=jwt", "pylon.chat.identity-secret=" + SECRET_PART,
            "pylon.chat.jwt.lifetime=30s"),
        of("JWT lifetime in the email-hash mode", Map.of(),
            "pylon.chat.jwt.lifetime is set, but tokens are signed only with pylon.chat.identity-verification=jwt"
                + " (it is email-hash).",
            "Set pylon.chat.identity-verification=jwt with Pylon's JWT secret, or remove pylon.chat.jwt.lifetime.",
            appId, "pylon.chat.identity-secret=" + SECRET_PART, "pylon.chat.jwt.lifetime=5"),
        of("JWT lifetime without identity verification", Map.of(),
            "pylon.chat.jwt.lifetime is set, but tokens are signed only with pylon.chat.identity-verification=jwt"
                + " (it is none).",
            "or remove pylon.chat.jwt.lifetime.",
            appId, "pylon.chat.identity-verification=false", "pylon.chat.jwt.lifetime=5m"),
        of("empty secret", Map.of(),
            "pylon.chat.identity-secret is empty",
            "Copy the identity secret from Pylon's in-app chat settings",
            appId, "pylon.chat.identity-secret="),
        of("secret of odd length", Map.of(),
            "pylon.chat.identity-secret has an odd number of hex digits (65)",
            "copy it again from Pylon's in-app chat settings",
            appId, "pylon.chat.identity-secret=" + SECRET_PART + "a"),
        of("secret that is too short", Map.of(),
            "pylon.chat.identity-secret has only 30 hex digits, too few for Pylon's identity secret (at least 32,"
                + " that is 16 bytes)",
            "copy the whole identity secret from Pylon's in-app chat settings",
            appId, "pylon.chat.identity-secret=" + SECRET_PART.substring(0, 30)),
        of("secret with a fullwidth digit", Map.of(),
            "pylon.chat.identity-secret is not a hex string: the character at position 2 is not 0-9 or a-f",
            "Use the secret exactly as Pylon shows it",
            appId, "pylon.chat.identity-secret=c\uff10" + SECRET_PART.substring(2)),
        of("secret that is not hex", Map.of(),
            "pylon.chat.identity-secret is not a hex string: the character at position 65 is not 0-9 or a-f",
            "Use the secret exactly as Pylon shows it",
            appId, "pylon.chat.identity-secret=" + SECRET_PART + "zz"),
        of("PYLON_CHAT_IDENTITY_SECRET that is not hex", Map.of("PYLON_CHAT_IDENTITY_SECRET", "0x" + SECRET_PART),
            "pylon.chat.identity-secret is not a hex string: the character at position 2 is not 0-9 or a-f",
            "without quotes, a 0x prefix or spaces inside",
            appId),
        of("PYLON_IDENTITY_SECRET that is not hex", Map.of("PYLON_IDENTITY_SECRET", "\"" + SECRET_PART + "\""),
            "PYLON_IDENTITY_SECRET is not a hex string: the character at position 1 is not 0-9 or a-f",
            "without quotes",
            appId),
        of("PYLON_IDENTITY_SECRET_FILE that cannot be read", Map.of("PYLON_IDENTITY_SECRET_FILE", unreadable.toString()),
            "the file named by PYLON_IDENTITY_SECRET_FILE cannot be read (NoSuchFileException).",
            "Set PYLON_IDENTITY_SECRET_FILE to the path of a readable file that contains only the hex identity secret;"
                + " the variable holds the file's path, the secret goes into the file (or into PYLON_IDENTITY_SECRET).",
            appId),
        // the report would otherwise print the secret as the name of a file that cannot be read
        of("the secret itself in PYLON_IDENTITY_SECRET_FILE", Map.of("PYLON_IDENTITY_SECRET_FILE", SECRET_PART),
            "the file named by PYLON_IDENTITY_SECRET_FILE cannot be read",
            "the secret goes into the file (or into PYLON_IDENTITY_SECRET)",
            appId),
        of("JWT mode, the secret itself in PYLON_IDENTITY_SECRET_FILE", Map.of("PYLON_IDENTITY_SECRET_FILE", SECRET_PART),
            "the file named by PYLON_IDENTITY_SECRET_FILE cannot be read",
            "Set PYLON_IDENTITY_SECRET_FILE to the path of a readable file that contains only the JWT secret",
            appId, "pylon.chat.identity-verification=jwt"),
        of("PYLON_IDENTITY_SECRET_FILE with a secret of odd length", Map.of("PYLON_IDENTITY_SECRET_FILE", oddFile.toString()),
            "the file named by PYLON_IDENTITY_SECRET_FILE has an odd number of hex digits (65)",
            "copy it again",
            appId),
        of("both PYLON_IDENTITY_SECRET and _FILE", Map.of("PYLON_IDENTITY_SECRET", SECRET_PART, "PYLON_IDENTITY_SECRET_FILE", oddFile.toString()),
            "PYLON_IDENTITY_SECRET and PYLON_IDENTITY_SECRET_FILE are both set",
            "Set only one of them",
            appId),
        of("opt-out of verification with a secret", Map.of(),
            "pylon.chat.identity-verification is none (or false) although an identity secret is configured"
                + " (pylon.chat.identity-secret)",
            "Remove pylon.chat.identity-verification=none",
            appId, "pylon.chat.identity-verification=false", "pylon.chat.identity-secret=" + SECRET_PART),
        of("opt-out of verification with a secret in a variable", Map.of("PYLON_IDENTITY_SECRET", SECRET_PART),
            "pylon.chat.identity-verification is none (or false) although an identity secret is configured"
                + " (PYLON_IDENTITY_SECRET)",
            "or remove the secret",
            appId, "pylon.chat.identity-verification=none"),
        of("widget URL that is not http", Map.of(),
            "pylon.chat.widget-url is not an absolute http(s) URL without query",
            "Leave it unset for https://widget.usepylon.com/widget/",
            appId, "pylon.chat.identity-secret=" + SECRET_PART, "pylon.chat.widget-url=javascript:alert(1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void badSettingStopsStartUpWithDescriptionAndAction(Case bad) {
    withEnvironment(bad.env()).withPropertyValues(bad.properties()).run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = new PylonChatFailureAnalyzer().analyze(context.getStartupFailure());

      assertThat(analysis).as("a report for %s", context.getStartupFailure()).isNotNull();
      assertThat(analysis.getDescription())
          .startsWith("The Pylon chat widget is not configured correctly: " + bad.description());
      assertThat(analysis.getAction())
          .contains(bad.action())
          .endsWith("To start without the Pylon chat widget, set pylon.chat.enabled=false.");
      assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET_PART.substring(0, 8));
    });
  }

  @Test
  void anIdentityVerificationThatIsNoneOfTheValuesFailsBindingNamingTheValues() {
    withEnvironment(Map.of()).withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-verification=jwtt",
        "pylon.chat.identity-secret=" + SECRET_PART).run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessage(
              "pylon.chat.identity-verification must be email-hash, jwt or none (true and false also mean email-hash"
                  + " and none)");
        });
  }

  @Test
  void applicationPrintsTheReportAndNotTheSecretEvenWithLazyInitialization(CapturedOutput output) {
    SpringApplication app = new SpringApplication(MinimalApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);

    assertThatThrownBy(() -> app.run("--spring.main.lazy-initialization=true",
        "--pylon.chat.app-id=app", "--pylon.chat.identity-secret=" + SECRET_PART + "zz"))
        .isNotNull();

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The Pylon chat widget is not configured correctly: pylon.chat.identity-secret is not a hex"
            + " string: the character at position 65 is not 0-9 or a-f.")
        .contains("Use the secret exactly as Pylon shows it, without quotes, a 0x prefix or spaces inside.")
        .doesNotContain(SECRET_PART.substring(0, 8));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class MinimalApplication {}
}
