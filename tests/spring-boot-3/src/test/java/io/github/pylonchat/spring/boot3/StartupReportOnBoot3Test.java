package io.github.pylonchat.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * On Spring Boot 3.5 too, Spring Boot's start-up report about a misplaced secret names the setting
 * and the fix, and never prints the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupReportOnBoot3Test {
  /** 64 hex digits, as Pylon's identity secrets have. */
  private static final String SECRET = "c0ffee15600d".repeat(5) + "c0ff";

  private static String startUpReport(CapturedOutput output, String... args) {
    SpringApplication app = new SpringApplication(StarterOnBoot3Test.MinimalApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> app.run(args)).isNotNull();
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START");
    return output.getAll();
  }

  @Test
  void theSecretPutIntoTheFileVariableIsNotPrinted(CapturedOutput output) {
    String report = startUpReport(output, "--pylon.chat.app-id=app", "--PYLON_IDENTITY_SECRET_FILE=" + SECRET);

    assertThat(report)
        .contains("The Pylon chat widget is not configured correctly: the file named by PYLON_IDENTITY_SECRET_FILE"
            + " cannot be read")
        .contains("the variable holds the file's path, the secret goes into the file (or into PYLON_IDENTITY_SECRET).")
        .doesNotContain(SECRET.substring(0, 8));
  }

  @Test
  void swappedAppIdAndJwtSecretStopStartUp(CapturedOutput output) {
    String report = startUpReport(output, "--pylon.chat.identity-verification=jwt", "--PYLON_APP_ID=" + SECRET,
        "--PYLON_IDENTITY_SECRET=8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f");

    assertThat(report)
        .contains("The Pylon chat widget is not configured correctly: PYLON_APP_ID looks like an identity secret (64"
            + " hex digits), not a Pylon app id: the app id and the secret may be swapped.")
        .doesNotContain(SECRET.substring(0, 8));
  }
}
