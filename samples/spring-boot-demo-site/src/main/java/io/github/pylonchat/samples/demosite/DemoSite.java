package io.github.pylonchat.samples.demosite;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The demo site both Spring Boot samples are built on; each sample imports it and adds its page
 * templates, FreeMarker's or Thymeleaf's. Apart from {@link DemoUser}'s two annotations, none of
 * it is about the chat:
 *
 * <ul>
 *   <li>{@link DemoUser}, the signed-in user and Spring Security principal, with {@code @ChatEmail}
 *       and {@code @ChatName}: all the chat needs to sign it;
 *   <li>{@link DemoUsers}: four demo accounts, two of them with hostile display names;
 *   <li>{@link SecurityConfiguration}: form login on {@code /login}, sign-out on {@code POST /logout};
 *   <li>{@link PageController}: the views {@code home} and {@code login}; it passes nothing to the chat;
 *   <li>{@link ContentSecurityPolicy}: a policy with a fresh nonce per response, which the chat tag
 *       finds in the request attribute {@code cspNonce}; {@link CspReportController} logs violations;
 *   <li>{@link DemoCredentials}: in the demo profile (each sample's default), an announced demo app id
 *       and secret when neither is configured.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class DemoSite {
  private static final Log logger = LogFactory.getLog(DemoSite.class);

  /** Used by Spring. */
  public DemoSite() {}

  /** Tells where to look once the server listens. */
  @EventListener
  void announce(WebServerInitializedEvent event) {
    logger.info("Pylon chat sample running at http://localhost:" + event.getWebServer().getPort()
        + "/ : sign in as a demo user (Ctrl-C stops it)");
  }
}
