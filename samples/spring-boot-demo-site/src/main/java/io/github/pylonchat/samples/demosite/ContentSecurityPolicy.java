package io.github.pylonchat.samples.demosite;

import io.github.pylonchat.PylonChatWidget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a {@code Content-Security-Policy} with a fresh nonce on every response and puts the nonce
 * into the request attribute {@code cspNonce}, where the chat tag finds it (the starter's
 * {@code pylon.chat.nonce-attribute}). Only scripts that carry the nonce run, plus scripts from the
 * origin of the widget URL; the other directives are the ones Pylon documents for its widget, and
 * {@code default-src 'self'} for every kind of content they do not name, {@code form-action 'self'}
 * so that no injected form posts anywhere else (a form is not a script, so the nonce does not stop it).
 * Browsers report violations to {@link #REPORT_PATH}, with the start of a blocked inline script
 * ({@code 'report-sample'}).
 */
@Component
public class ContentSecurityPolicy extends OncePerRequestFilter {
  /** Request attribute holding the nonce. */
  public static final String NONCE_ATTRIBUTE = "cspNonce";
  /** Where browsers post violation reports. */
  public static final String REPORT_PATH = "/csp-report";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String widgetOrigin;

  ContentSecurityPolicy(@Value("${pylon.chat.widget-url:" + PylonChatWidget.DEFAULT_WIDGET_URL + "}") String widgetUrl) {
    URI uri = URI.create(widgetUrl.strip());
    this.widgetOrigin = uri.getScheme() + "://" + uri.getRawAuthority();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String nonce = Base64.getEncoder().encodeToString(random);
    request.setAttribute(NONCE_ATTRIBUTE, nonce);
    response.setHeader("Content-Security-Policy", policy(nonce));
    chain.doFilter(request, response);
  }

  /** The policy for one response. */
  String policy(String nonce) {
    return "default-src 'self'; script-src 'nonce-" + nonce + "' " + widgetOrigin + " 'report-sample'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "connect-src 'self' https://*.usepylon.com wss://*.pusher.com; "
        + "font-src 'self' https://*.usepylon.com; style-src 'self' https://*.usepylon.com; "
        + "img-src 'self' https://*.usepylon.com https://pylon-avatars.s3.us-west-1.amazonaws.com "
        + "https://d3vl36l12sfx26.cloudfront.net; "
        + "report-uri " + REPORT_PATH;
  }
}
