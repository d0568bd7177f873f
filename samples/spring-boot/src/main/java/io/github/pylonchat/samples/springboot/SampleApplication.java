package io.github.pylonchat.samples.springboot;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

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
  private static final Log logger = LogFactory.getLog(SampleApplication.class);

  /** Starts the sample (port 8080 unless {@code --server.port=...}). */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  /** Tells where to look once the server listens. */
  @EventListener
  void announce(WebServerInitializedEvent event) {
    logger.info("Pylon chat sample running at http://localhost:" + event.getWebServer().getPort()
        + "/ : sign in as a demo user (Ctrl-C stops it)");
  }
}
