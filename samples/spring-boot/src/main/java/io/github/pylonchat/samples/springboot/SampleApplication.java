package io.github.pylonchat.samples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot web app whose pages show the Pylon chat widget to the signed-in user, with a
 * verified identity and a per-request CSP nonce.
 *
 * <p>Everything Pylon-specific is the {@code pylon-chat-spring-boot-starter} dependency, the
 * annotations on {@link DemoUser} and {@code <@pylonChat/>} in {@code layout.ftlh}; the rest is an
 * ordinary Spring Security app. Run it with
 * {@code java -jar samples/spring-boot/target/pylon-chat-sample-spring-boot.jar}, then open
 * http://localhost:8080.
 */
@SpringBootApplication
public class SampleApplication {
  /** Starts the sample (port 8080 unless {@code --server.port=...}). */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
