package io.github.pylonchat.jsp;

import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import jakarta.servlet.ServletContext;
import jakarta.servlet.jsp.JspContext;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.util.Objects;

/**
 * The Jakarta Pages (JSP) tag {@code <pylon:chat/>}: renders the Pylon chat widget for the current
 * user with {@link PylonChatWidget}. Its tag library's URI is {@value #URI}:
 *
 * <pre>{@code
 * <%@ taglib prefix="pylon" uri="urn:io.github.pylonchat:jsp" %>
 * ...
 * <pylon:chat/>          or          <pylon:chat user="${member}" nonce="${requestNonce}"/>
 * </body>
 * }</pre>
 *
 * <p>The web application installs the widget once, at start-up (the Spring Boot starter does it
 * itself):
 *
 * <pre>{@code
 * @WebListener
 * public class ChatSetup implements ServletContextListener {
 *   public void contextInitialized(ServletContextEvent event) {
 *     PylonChatTag.install(event.getServletContext(), PylonChatWidget.fromEnvironment());
 *   }
 * }
 * }</pre>
 *
 * <p>Without attributes the tag reads the user from the attribute {@code currentUser} and the CSP
 * nonce from {@code cspNonce}, found as EL finds a name: in the page, request, session, then
 * application scope; the attributes {@code user} and {@code nonce} override them. Their values are EL
 * expressions that the container evaluates once, as written in the page; the tag never evaluates
 * a value again. Who the current user is, is decided by the installed {@link ChatTagResolver}, so
 * the tag is only Jakarta Pages' adapter. The user is an object whose class (or a supertype) has
 * {@code @ChatEmail}, or a {@link io.github.pylonchat.ChatProfile}; null means nobody is logged in,
 * and then nothing is written. A string, map or collection is rejected, because only
 * {@code @ChatEmail} says which value is the verified email.
 *
 * <p>The widget's markup is written to the page's output as it is (the container does not escape a
 * tag's output). A misuse fails the page with a {@link JspException} before any of the widget is
 * written; a body or an unknown attribute is an error when the container translates the page.
 */
public final class PylonChatTag extends SimpleTagSupport {
  /** The URI of the tag library, for {@code <%@ taglib prefix="pylon" uri="..." %>}. */
  public static final String URI = "urn:io.github.pylonchat:jsp";
  /** The servlet context attribute that holds what {@link #install} installed. */
  static final String INSTALLED = PylonChatTag.class.getName();

  /** What the tag renders with; package-private, so that EL in a page cannot call into it. */
  record Installed(PylonChatWidget widget, ChatTagResolver resolver) {}

  private boolean userGiven;
  private Object user;
  private boolean nonceGiven;
  private Object nonce;

  /** Made by the container for each use of the tag. */
  public PylonChatTag() {}

  /**
   * Installs {@code widget} for every {@code <pylon:chat/>} of the web application, reading
   * {@code currentUser} and {@code cspNonce} ({@link ChatTagResolver#templateVariables()}).
   */
  public static void install(ServletContext servletContext, PylonChatWidget widget) {
    install(servletContext, widget, ChatTagResolver.templateVariables());
  }

  /**
   * Installs {@code widget} for every {@code <pylon:chat/>} of the web application, with
   * {@code resolver} deciding who is signed; it looks variables up in the page, request, session
   * and application scopes.
   */
  public static void install(ServletContext servletContext, PylonChatWidget widget, ChatTagResolver resolver) {
    servletContext.setAttribute(INSTALLED, new Installed(Objects.requireNonNull(widget, "widget"),
        Objects.requireNonNull(resolver, "resolver")));
  }

  /**
   * Makes every {@code <pylon:chat/>} of the web application render nothing, for an application that
   * switches the chat off (the Spring Boot starter's {@code pylon.chat.enabled=false}): pages keep the
   * tag and need no app id or secret; the container still rejects a body or an unknown attribute.
   */
  public static void installDisabled(ServletContext servletContext) {
    servletContext.setAttribute(INSTALLED, new Installed(null, null));
  }

  /** The {@code user} attribute: the logged-in user, or null for nobody. */
  public void setUser(Object user) {
    this.userGiven = true;
    this.user = user;
  }

  /** The {@code nonce} attribute: the page's CSP nonce, or null or empty for none. */
  public void setNonce(Object nonce) {
    this.nonceGiven = true;
    this.nonce = nonce;
  }

  /**
   * Renders the widget; called by the container.
   *
   * @throws JspException if no widget is installed, the user is not a user object, or the nonce is
   *     not a base64 string; the message names the problem and the fix, never the value, and nothing
   *     has been written then
   */
  @Override
  public void doTag() throws JspException, IOException {
    JspContext page = getJspContext();
    String tag = userGiven ? "<pylon:chat user=...>" : "<pylon:chat/>";
    if (!(page.getAttribute(INSTALLED, PageContext.APPLICATION_SCOPE) instanceof Installed chat)) {
      throw new JspException(tag + ": no Pylon chat widget is installed in this web application; call"
          + " PylonChatTag.install(servletContext, widget) at start-up (in a ServletContextListener), or use"
          + " pylon-chat-spring-boot-starter");
    }
    if (chat.widget() == null) {
      return;
    }
    try {
      ChatTagResolution resolution = chat.resolver().resolve(
          new ChatTagArguments(userGiven, user, nonceGiven, nonce), page::findAttribute);
      chat.widget().render(resolution.user(), resolution.nonce(), page.getOut());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new JspException(tag + ": " + e.getMessage(), e);
    }
  }
}
