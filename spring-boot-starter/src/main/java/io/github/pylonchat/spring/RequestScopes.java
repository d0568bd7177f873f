package io.github.pylonchat.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The request, session and servlet-context attributes of the servlet request the current thread
 * serves. Spring MVC's FreeMarker views offer all three to a template besides the model, Thymeleaf's
 * only the request attributes (the session is {@code ${session.name}} there); looking here after
 * the template's own variables makes {@code pylon.chat.user-attribute} and
 * {@code pylon.chat.nonce-attribute} mean the same in every engine.
 */
final class RequestScopes {
  /** Whether this is a servlet web application (Spring MVC's request holder and the Servlet API). */
  static final boolean SERVLET_WEB = ClassUtils.isPresent(
      "org.springframework.web.context.request.ServletRequestAttributes", RequestScopes.class.getClassLoader())
      && ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", RequestScopes.class.getClassLoader());

  private RequestScopes() {}

  /**
   * The request attribute {@code name}, else the session's, else the servlet context's; null
   * outside a servlet request (a template rendered for an e-mail, say).
   */
  static Object attribute(String name) {
    return SERVLET_WEB ? Servlet.attribute(name) : null;
  }

  /** Loaded only in servlet web applications. */
  static final class Servlet {
    /** The servlet request the current thread serves, or null. */
    static ServletRequestAttributes current() {
      return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet ? servlet : null;
    }

    static Object attribute(String name) {
      ServletRequestAttributes servlet = current();
      if (servlet == null) {
        return null;
      }
      HttpServletRequest request = servlet.getRequest();
      Object value = request.getAttribute(name);
      HttpSession session = value == null ? request.getSession(false) : null;
      if (session != null) {
        value = session.getAttribute(name);
      }
      return value != null ? value : request.getServletContext().getAttribute(name);
    }
  }
}
