package io.github.pylonchat.samples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code /csp-report} is open to anyone: bounded in what it reads, harmless in what it logs. */
@ExtendWith(OutputCaptureExtension.class)
class CspReportControllerTest {
  private static final int CAP = 16 * 1024;

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new CspReportController()).build();

  private static byte[] report(int size) {
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) 'a');
    return body;
  }

  @Test
  void reportOfUpTo16KiBIsAccepted() throws Exception {
    mvc.perform(post("/csp-report").contentType("application/csp-report").content(report(CAP)))
        .andExpect(status().isNoContent());
  }

  @Test
  void bodyOver16KiBIsRefusedWith413() throws Exception {
    mvc.perform(post("/csp-report").contentType("application/csp-report").content(report(CAP + 1)))
        .andExpect(status().isPayloadTooLarge());
  }

  /** A POST whose body is {@code body} and whose Content-Length header says {@code declaredLength} (-1: none). */
  private static MockHttpServletRequest endlessPost(EndlessBody body, long declaredLength) {
    return new MockHttpServletRequest("POST", "/csp-report") {
      @Override
      public ServletInputStream getInputStream() {
        return body;
      }

      @Override
      public long getContentLengthLong() {
        return declaredLength;
      }
    };
  }

  @Test
  void endlessBodyWithoutContentLengthIsNotReadPastTheCap() throws Exception {
    EndlessBody body = new EndlessBody();

    assertThat(new CspReportController().report(endlessPost(body, -1)).getStatusCode().value()).isEqualTo(413);
    assertThat(body.read).isEqualTo(CAP + 1);
  }

  @Test
  void declaredLengthOver16KiBIsRefusedWithoutReading() throws Exception {
    EndlessBody body = new EndlessBody();

    assertThat(new CspReportController().report(endlessPost(body, 300L * 1024 * 1024)).getStatusCode().value()).isEqualTo(413);
    assertThat(body.read).isZero();
  }

  @Test
  void controlCharactersAreEscapedInTheLogLine(CapturedOutput output) throws Exception {
    String hostile = "{\"csp-report\":{\"blocked-uri\":\"\u001b[2J\u001b]0;pwned\u0007x\r\n"
        + "WARN forged line\u2028\u202eevil\"}}";
    mvc.perform(post("/csp-report").contentType("application/csp-report")
            .content(hostile.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isNoContent());

    String logged = output.getAll();
    assertThat(logged).contains("\\u001b[2J\\u001b]0;pwned\\u0007x\\u000d\\u000aWARN forged line\\u2028\\u202eevil")
        .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e").doesNotContain("\nWARN forged line");
  }

  /** An endless request body that counts the bytes read from it. */
  private static final class EndlessBody extends ServletInputStream {
    int read;

    @Override
    public int read() {
      read++;
      return '{';
    }

    @Override
    public boolean isFinished() {
      return false;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException();
    }
  }
}
