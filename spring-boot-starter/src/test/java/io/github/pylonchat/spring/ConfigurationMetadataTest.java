package io.github.pylonchat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.IdentityVerification;
import io.github.pylonchat.JwtSigner;
import io.github.pylonchat.PylonChatWidget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/** IDEs complete {@code pylon.chat.*} with a description from the generated metadata. */
class ConfigurationMetadataTest {
  private static Object defaultOf(List<Map<String, Object>> properties, String name) {
    return properties.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow().get("defaultValue");
  }

  @Test
  void everyPylonChatPropertyIsInTheGeneratedMetadataWithADescription() throws Exception {
    Path classes = Path.of(PylonChatProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String json = Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json"));
    List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");

    assertThat(properties).extracting(p -> p.get("name")).containsExactlyInAnyOrder(
        "pylon.chat.app-id", "pylon.chat.identity-secret", "pylon.chat.identity-verification",
        "pylon.chat.enabled", "pylon.chat.anonymous", "pylon.chat.user-attribute", "pylon.chat.trust-user-attribute",
        "pylon.chat.nonce-attribute", "pylon.chat.widget-url", "pylon.chat.impersonation",
        "pylon.chat.oidc.trusted-registrations", "pylon.chat.jwt.lifetime",
        "pylon.chat.endpoint.enabled", "pylon.chat.endpoint.path", "pylon.chat.endpoint.allowed-origins");
    assertThat(properties).allSatisfy(p -> assertThat((String) p.get("description")).as("%s", p.get("name")).isNotBlank());
    assertThat(defaultOf(properties, "pylon.chat.user-attribute")).isEqualTo(ChatTagResolver.DEFAULT_USER_VARIABLE);
    assertThat(defaultOf(properties, "pylon.chat.nonce-attribute")).isEqualTo(ChatTagResolver.DEFAULT_NONCE_VARIABLE);
    assertThat(defaultOf(properties, "pylon.chat.widget-url")).isEqualTo(PylonChatWidget.DEFAULT_WIDGET_URL);
    assertThat(defaultOf(properties, "pylon.chat.anonymous")).isEqualTo("nothing");
    assertThat(defaultOf(properties, "pylon.chat.impersonation")).isEqualTo("nobody");
    assertThat(defaultOf(properties, "pylon.chat.enabled")).isEqualTo(true);
    assertThat(defaultOf(properties, "pylon.chat.trust-user-attribute")).isEqualTo(false);
    assertThat(defaultOf(properties, "pylon.chat.identity-verification")).isEqualTo("email-hash");
    assertThat(new IdentityVerificationConverter().convert("email-hash")).isEqualTo(IdentityVerification.EMAIL_HASH);
    assertThat(DurationStyle.detectAndParse((String) defaultOf(properties, "pylon.chat.jwt.lifetime")))
        .isEqualTo(JwtSigner.DEFAULT_LIFETIME);
    List<String> verificationValues = JsonPath.read(json,
        "$.hints[?(@.name == 'pylon.chat.identity-verification')].values[*].value");
    assertThat(verificationValues).containsExactly("email-hash", "jwt", "none", "true", "false");
    assertThat(defaultOf(properties, "pylon.chat.endpoint.enabled")).isEqualTo(false);
    assertThat(defaultOf(properties, "pylon.chat.endpoint.path")).isEqualTo("/pylon/chat-settings");
    List<String> anonymousValues = JsonPath.read(json, "$.hints[?(@.name == 'pylon.chat.anonymous')].values[*].value");
    assertThat(anonymousValues).containsExactly("nothing", "widget");
    List<String> impersonationValues = JsonPath.read(json, "$.hints[?(@.name == 'pylon.chat.impersonation')].values[*].value");
    assertThat(impersonationValues).containsExactly("nobody", "original");
  }
}
