package io.github.pylonchat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every value that contains the configured secret's text is masked, under whatever name it stands:
 * a hex secret in any letter case, a JWT secret's text, also inside a JSON string, and the secret
 * read from the file named by {@code PYLON_IDENTITY_SECRET_FILE}.
 */
class IdentitySecretSanitizerTest {
  private static final String HEX_SECRET = RenderedWidget.SECRET;
  private static final String JWT_SECRET = "pylon/jwt+Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0";

  @TempDir
  Path dir;

  private static boolean masked(MockEnvironment environment, String key, Object value) {
    SanitizableData data = new SanitizableData(new MapPropertySource("test", Map.of()), key, value);
    return new IdentitySecretSanitizer(environment).apply(data).getValue() == SanitizableData.SANITIZED_VALUE;
  }

  @Test
  void aHexSecretIsMaskedInsideOtherValuesInAnyLetterCase() {
    MockEnvironment environment = new MockEnvironment().withProperty("pylon.chat.identity-secret", HEX_SECRET);

    assertThat(masked(environment, "sun.java.command", "app.jar --pylon.chat.identity-secret=" + HEX_SECRET)).isTrue();
    assertThat(masked(environment, "SPRING_APPLICATION_JSON",
        "{\"pylon\":{\"chat\":{\"identity-secret\":\"" + HEX_SECRET.toUpperCase(Locale.ROOT) + "\"}}}")).isTrue();
    assertThat(masked(environment, "sun.java.command", "app.jar --server.port=8080")).isFalse();
    assertThat(masked(environment, "pylon.chat.app-id", "app")).isFalse();
  }

  @Test
  void aJwtSecretsTextIsMaskedAlsoWhenJsonEscapesIt() {
    MockEnvironment environment = new MockEnvironment().withProperty("PYLON_IDENTITY_SECRET", JWT_SECRET);
    String escaped = JWT_SECRET.replace("/", "\\/").replace("Z", "\\u005a");

    assertThat(masked(environment, "SPRING_APPLICATION_JSON", "{\"PYLON_IDENTITY_SECRET\":\"" + escaped + "\"}")).isTrue();
    assertThat(masked(environment, "nonOptionArgs", "serve," + JWT_SECRET)).isTrue();
    assertThat(masked(environment, "SPRING_APPLICATION_JSON", "{\"a\":\"\\u00e9\\\\n\"}")).isFalse();
  }

  @Test
  void theSecretReadFromTheFileIsMaskedWhereverItStands() throws Exception {
    Path file = Files.writeString(dir.resolve("pylon-secret"), JWT_SECRET + "\n");
    MockEnvironment environment = new MockEnvironment().withProperty("PYLON_IDENTITY_SECRET_FILE", file.toString());

    assertThat(masked(environment, "PYLON_IDENTITY_SECRET_FILE", file.toString())).isTrue();
    assertThat(masked(environment, "DEPLOY_NOTES", "secret " + JWT_SECRET + " rotated")).isTrue();
    assertThat(masked(environment, "JAVA_HOME", "/usr/lib/jvm")).isFalse();
  }

  @Test
  void withoutASecretOrWithAnUnresolvablePlaceholderNothingElseIsMasked() {
    assertThat(masked(new MockEnvironment(), "JAVA_HOME", "/usr/lib/jvm")).isFalse();
    MockEnvironment unresolvable = new MockEnvironment().withProperty("pylon.chat.identity-secret", "${NOT_SET}");
    assertThat(masked(unresolvable, "JAVA_HOME", "/usr/lib/jvm")).isFalse();
    assertThat(masked(unresolvable, "pylon.chat.identity-secret", "${NOT_SET}")).isTrue();
  }
}
