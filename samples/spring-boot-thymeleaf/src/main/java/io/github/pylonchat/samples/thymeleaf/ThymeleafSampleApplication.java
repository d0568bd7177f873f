package io.github.pylonchat.samples.thymeleaf;

import io.github.pylonchat.samples.demosite.DemoSite;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot web app with Thymeleaf pages that show the Pylon chat widget to the signed-in
 * user, with a verified identity and a per-request CSP nonce.
 *
 * <p>Everything Pylon-specific is the {@code pylon-chat-spring-boot-starter} dependency, the
 * annotations on {@link io.github.pylonchat.samples.demosite.DemoUser} and {@code <pylon:chat/>}
 * in {@code layout.html}; the rest is an ordinary Spring Security app ({@link DemoSite}). Run it
 * with {@code java -jar samples/spring-boot-thymeleaf/target/pylon-chat-sample-spring-boot-thymeleaf.jar},
 * then open http://localhost:8082.
 */
@SpringBootApplication
@Import(DemoSite.class)
public class ThymeleafSampleApplication {
  /** Starts the sample (port 8082 unless {@code --server.port=...}). */
  public static void main(String[] args) {
    SpringApplication.run(ThymeleafSampleApplication.class, args);
  }
}
