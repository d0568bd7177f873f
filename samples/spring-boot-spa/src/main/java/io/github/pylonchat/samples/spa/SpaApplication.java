package io.github.pylonchat.samples.spa;

import io.github.pylonchat.samples.demosite.ContentSecurityPolicy;
import io.github.pylonchat.samples.demosite.CspReportController;
import io.github.pylonchat.samples.demosite.DemoUsers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot back end with a JSON API and one page, a single-page app in plain JavaScript that
 * signs in with {@code fetch} and shows the Pylon chat widget without a page load.
 *
 * <p>What is Pylon-specific: the {@code pylon-chat-spring-boot-starter} dependency,
 * {@code pylon.chat.endpoint.enabled=true} in {@code application.properties}, the annotations on
 * {@link io.github.pylonchat.samples.demosite.DemoUser} (the Spring Security principal), the
 * loader's {@code <script>} in {@code spa/index.html} and one call, {@code PylonChatJava.refresh()},
 * in {@code static/app.js} after signing in. The demo users, the CSP nonce filter and
 * {@code /csp-report} come from the demo site the other Spring Boot samples share. Run it with
 * {@code java -jar samples/spring-boot-spa/target/pylon-chat-sample-spring-boot-spa.jar}, then open
 * http://localhost:8083.
 */
@SpringBootApplication
@Import({DemoUsers.class, ContentSecurityPolicy.class, CspReportController.class})
public class SpaApplication {
  /** Starts the sample (port 8083 unless {@code --server.port=...}). */
  public static void main(String[] args) {
    SpringApplication.run(SpaApplication.class, args);
  }
}
