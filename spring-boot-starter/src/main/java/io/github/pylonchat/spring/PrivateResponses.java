package io.github.pylonchat.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps responses that carry a signed identity out of shared caches and CDNs: they get
 * {@code Cache-Control: private, no-store}, replacing a weaker value the application set. A signed
 * email never expires, so a cached page would hand the user's chat history to everyone the cache
 * serves it to.
 */
final class PrivateResponses {
  static final String CACHE_CONTROL = "Cache-Control";
  static final String PRIVATE_NO_STORE = "private, no-store";
  /** The request attribute that says a chat tag signed someone while the request was served. */
  private static final String SIGNED = PrivateResponses.class.getName() + ".signed";

  private PrivateResponses() {}

  /**
   * Marks the response of the current servlet request, if there is one (a template rendered for
   * an e-mail has none), and remembers on the request that someone was signed, for headers set
   * later ({@link SignedBodiesArePrivate}).
   *
   * @throws IllegalStateException if that response was committed without the header
   */
  static void markCurrentResponse() {
    if (RequestScopes.SERVLET_WEB) {
      Servlet.markCurrentResponse();
    }
  }

  /**
   * Sets {@code Cache-Control: private, no-store} unless the response has both already.
   *
   * @throws IllegalStateException if the response was committed without them: the identity must
   *     then not be written
   */
  static void mark(HttpServletResponse response) {
    if (isPrivateAndNoStore(response.getHeaders(CACHE_CONTROL))) {
      return;
    }
    if (response.isCommitted()) {
      throw new IllegalStateException("the response was already sent in part, without Cache-Control: "
          + PRIVATE_NO_STORE + ", before the chat tag ran, so a shared cache could keep the signed identity;"
          + " nothing is rendered. Put the logged-in user under pylon.chat.user-attribute (the starter then"
          + " sets the header before the page renders), or set Cache-Control: " + PRIVATE_NO_STORE
          + " in the controller");
    }
    response.setHeader(CACHE_CONTROL, PRIVATE_NO_STORE);
  }

  /** Whether a chat tag signed someone while {@code request} was served. */
  static boolean signedOn(HttpServletRequest request) {
    return request.getAttribute(SIGNED) != null;
  }

  private static boolean isPrivateAndNoStore(Collection<String> values) {
    Set<String> directives = values.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(directive -> directive.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    return directives.contains("private") && directives.contains("no-store") && !directives.contains("public");
  }

  /** Loaded only in servlet web applications. */
  private static final class Servlet {
    static void markCurrentResponse() {
      ServletRequestAttributes servlet = RequestScopes.Servlet.current();
      if (servlet == null) {
        return;
      }
      servlet.getRequest().setAttribute(SIGNED, Boolean.TRUE);
      if (servlet.getResponse() != null) {
        mark(servlet.getResponse());
      }
    }
  }
}
