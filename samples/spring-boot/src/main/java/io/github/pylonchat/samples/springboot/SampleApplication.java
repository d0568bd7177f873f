package io.github.pylonchat.samples.springboot;

import io.github.pylonchat.samples.demosite.DemoSite;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot web app with FreeMarker pages that show the Pylon chat widget to the signed-in
 * user, with a verified identity and a per-request CSP nonce.
 *
 * <p>Everything Pylon-specific is the {@code pylon-chat-spring-boot-starter} dependency, the
 * annotations on {@link io.github.pylonchat.samples.demosite.DemoUser} and {@code <@pylonChat/>}
 * in {@code layout.ftlh}; the rest is an ordinary Spring Security app ({@link DemoSite}). Run it
 * with {@code java -jar samples/spring-boot/target/pylon-chat-sample-spring-boot.jar}, then open
 * http://localhost:8080.
 */
@SpringBootApplication
@Import(DemoSite.class)
public class SampleApplication {
  /** Starts the sample (port 8080 unless {@code --server.port=...}). */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
