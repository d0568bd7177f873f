package io.github.pylonchat.spring;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.DigestUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The chat-settings endpoint for front ends that render no pages, and its loader script:
 *
 * <ul>
 *   <li>{@code GET /pylon/chat-settings}: the {@code chat_settings} of the current user as JSON
 *       (200), exactly what {@code <@pylonChat/>} would put into {@code window.pylon} on a page of
 *       this request; 204 when nobody is shown the widget; 500 with a body that says nothing about
 *       the user when the current user cannot be signed (the server log says why). The current user
 *       is decided by the same {@link ChatTagResolver} as the tags, so every rule of the tags holds.
 *       Every answer is {@code Cache-Control: private, no-store}, varies on {@code Cookie} and
 *       {@code Authorization}, and says {@code nosniff}; an answer with settings names Pylon's widget
 *       script in the header {@value #WIDGET_SCRIPT_HEADER}.
 *   <li>{@code GET /pylon/chat-settings.js}: the loader, a static script that fetches the settings,
 *       sets {@code window.pylon} and inserts Pylon's widget script, so that pages need no inline
 *       script.
 * </ul>
 *
 * <p>Both are registered as ordinary Spring MVC handler methods, so they go through the
 * application's security filter chain and Spring MVC's CORS, {@code HEAD}, {@code OPTIONS} and
 * 405 handling like any controller.
 */
final class ChatSettingsEndpoint {
  /** The header of a 200 answer that holds the URL of Pylon's widget script for the app id. */
  static final String WIDGET_SCRIPT_HEADER = "Pylon-Widget-Script";
  /** The loader is served at the endpoint's path plus this. */
  static final String LOADER_SUFFIX = ".js";

  private static final String PATH = PylonChatEndpointProperties.PREFIX + ".path";
  private static final String ALLOWED_ORIGINS = PylonChatEndpointProperties.PREFIX + ".allowed-origins";
  private static final Pattern PATH_SYNTAX = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");
  private static final byte[] ERROR_BODY =
      "{\"error\":\"the chat settings could not be made; the server log says why\"}".getBytes(StandardCharsets.UTF_8);
  private static final String LOADER_RESOURCE = "chat-settings.js";
  /** The loader holds no user data: a browser may keep it for an hour, then revalidates by ETag. */
  private static final String LOADER_CACHE_CONTROL = "private, max-age=3600";
  /** Spring Security's filter that writes its headers (by default no-cache, no-store) as the response commits. */
  private static final String SPRING_SECURITY_HEADER_WRITER = "org.springframework.security.web.header.HeaderWriterFilter";

  private static final Log logger = LogFactory.getLog(ChatSettingsEndpoint.class);

  private final String path;
  private final Supplier<PylonChatWidget> widget;
  private final Supplier<ChatTagResolver> resolver;
  private final byte[] loader = loaderScript();
  private final String loaderEtag = "\"" + DigestUtils.md5DigestAsHex(loader) + "\"";

  /**
   * @param widget absent when {@code pylon.chat.enabled=false}: then nobody gets settings
   * @throws ChatConfigurationException naming {@code pylon.chat.endpoint.path} if it is not a path
   */
  ChatSettingsEndpoint(String path, ObjectProvider<PylonChatWidget> widget, ObjectProvider<ChatTagResolver> resolver) {
    if (path == null || !PATH_SYNTAX.matcher(path).matches()) {
      throw new ChatConfigurationException(PATH, "is not a plain path such as " + PylonChatEndpointProperties.DEFAULT_PATH,
          "Give a path that starts with /, without a trailing /, wildcards or placeholders (letters, digits and"
              + " - _ . ~ in each segment), or leave it unset for " + PylonChatEndpointProperties.DEFAULT_PATH);
    }
    this.path = path;
    // looked up on the first request, not on every one (a null or a failure is not kept)
    this.widget = SingletonSupplier.of(widget::getIfAvailable);
    this.resolver = SingletonSupplier.of(resolver::getObject);
  }

  /** The endpoint's path below the servlet context path. */
  String path() {
    return path;
  }

  /** Registers {@code GET path} and {@code GET path.js} as handler methods of Spring MVC. */
  void registerIn(RequestMappingHandlerMapping mapping) {
    RequestMappingInfo.BuilderConfiguration options = mapping.getBuilderConfiguration();
    mapping.registerMapping(RequestMappingInfo.paths(path).methods(RequestMethod.GET).options(options).build(),
        this, handler("settings"));
    mapping.registerMapping(RequestMappingInfo.paths(path + LOADER_SUFFIX).methods(RequestMethod.GET).options(options)
        .build(), this, handler("loader"));
  }

  private static Method handler(String name) {
    try {
      return ChatSettingsEndpoint.class.getDeclaredMethod(name, HttpServletRequest.class, HttpServletResponse.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET path}: the current user's chat settings. */
  void settings(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader(PrivateResponses.CACHE_CONTROL, PrivateResponses.PRIVATE_NO_STORE);
    response.addHeader("Vary", "Cookie, Authorization");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType("application/json");
    PylonChatWidget chat = widget.get();
    Optional<String> settings;
    try {
      // The resolver decides who is signed (principal, resolvers, OIDC, impersonation, the
      // request or session attribute named by pylon.chat.user-attribute), as for the tags.
      settings = chat == null ? Optional.empty()
          : chat.settingsJson(resolver.get().resolve(ChatTagArguments.NONE, RequestScopes::attribute).user());
    } catch (RuntimeException e) {
      // The messages of these exceptions never quote user data or the secret.
      logger.error("GET " + path + " answered 500: the Pylon chat settings of this request could not be made", e);
      write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, ERROR_BODY);
      return;
    }
    if (settings.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.setHeader(WIDGET_SCRIPT_HEADER, chat.widgetScriptUrl());
    write(response, HttpServletResponse.SC_OK, settings.get().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code GET path.js}: the loader script, the same for everyone. It is never {@code public}:
   * whether the response will set a cookie is not known when the header must be set, because
   * {@code Set-Cookie} can still be added after this method, as the response commits (a session
   * created when a security context is saved, a remember-me login that creates a session for a
   * request without one), and a shared cache that kept it would hand that session to everyone. A
   * {@code Cache-Control} set before (the application's, or Spring Security's when it writes headers
   * eagerly) is kept, and so is the one Spring Security writes as the response commits, only if
   * none is set by then: where its header filter wraps the response, the loader sets none.
   */
  void loader(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!response.containsHeader(PrivateResponses.CACHE_CONTROL) && !springSecurityWritesHeaders(response)) {
      response.setHeader(PrivateResponses.CACHE_CONTROL, LOADER_CACHE_CONTROL);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (new ServletWebRequest(request, response).checkNotModified(loaderEtag)) {
      return;
    }
    response.setContentType("text/javascript;charset=UTF-8");
    write(response, HttpServletResponse.SC_OK, loader);
  }

  /**
   * Whether Spring Security's header filter wraps {@code response}: it then writes its headers when
   * the response commits, each only where the response has none (so a {@code Cache-Control} set
   * here would replace its {@code no-cache, no-store}). Its wrapper is a class nested in the filter.
   */
  private static boolean springSecurityWritesHeaders(ServletResponse response) {
    for (ServletResponse inner = response; inner instanceof ServletResponseWrapper wrapper;
        inner = wrapper.getResponse()) {
      Class<?> filter = wrapper.getClass().getEnclosingClass();
      if (filter != null && filter.getName().equals(SPRING_SECURITY_HEADER_WRITER)) {
        return true;
      }
    }
    return false;
  }

  private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
    response.setStatus(status);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The allowed origins, checked: each {@code scheme://host[:port]}, as browsers send it in
   * {@code Origin}. With credentials allowed, a wildcard would let every site read the user's
   * settings, so there is none.
   *
   * @throws ChatConfigurationException naming {@code pylon.chat.endpoint.allowed-origins}
   */
  static List<String> checkedOrigins(List<String> origins) {
    for (String origin : origins) {
      if (!isOrigin(origin)) {
        throw new ChatConfigurationException(ALLOWED_ORIGINS, "has an entry that is not an origin: " + origin,
            "List each front end's origin as scheme://host[:port] (https://app.example.com), without a path or"
                + " a trailing /; wildcards are not allowed, as the settings are read with the user's cookies");
      }
    }
    return List.copyOf(origins);
  }

  private static boolean isOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getRawUserInfo() == null && origin.equals(uri.getScheme() + "://" + uri.getRawAuthority());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static byte[] loaderScript() {
    try (InputStream in = ChatSettingsEndpoint.class.getResourceAsStream(LOADER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(LOADER_RESOURCE + " is missing from the starter's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
