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
}
