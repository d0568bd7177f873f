package io.github.pylonchat.samples.plain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatEnvironment;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.freemarker.PylonChatDirective;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Pylon chat widget without a framework: the JDK's HTTP server renders a FreeMarker page whose
 * template contains {@code <@pylonChat/>}, with a per-request CSP nonce.
 *
 * <p>A member signs in with the form on {@code /} ({@code POST /login}, the demo passwords are listed
 * on the page), which starts a session: the page signs the member of the session, never anyone the
 * request names, and a visitor without a session gets no widget. {@code POST /logout} ends it. Run it
 * with {@code java -jar samples/plain-freemarker/target/pylon-chat-sample-plain-freemarker.jar [port]}
 * (default port 8081).
 */
public final class PlainFreemarkerSample {
  /** App id used when nothing is configured; Pylon does not know it. */
  static final String DEMO_APP_ID = "pylon-chat-java-demo";
  /** Pylon's documented test secret, used when nothing is configured. Never use it for real. */
  static final String DEMO_IDENTITY_SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  /** The cookie that holds the session id; the session holds the signed-in member. */
  static final String SESSION_COOKIE = "sample-session";

  /** The members who can sign in; two of them have hostile names that must stay text. */
  static final List<Member> MEMBERS = List.of(
      new Member("ada", "ada@example.com", "Ada Lovelace"),
      new Member("zoe", "zoë@exämple.com", "Zoë Ångström-Łukasiewicz"),
      new Member("mallory", "mallory@example.com", "</script><script>alert(1)</script>"),
      new Member("eve", "eve+\"'<b>@example.com", "\"-alert(1)-\"\u2028<!--<script>"));

  private static final System.Logger LOG = System.getLogger(PlainFreemarkerSample.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Far more than the sign-in form's body. */
  private static final int MAX_FORM_BYTES = 4096;

  private PlainFreemarkerSample() {}

  /**
   * Starts the sample on port {@code args[0]} (default 8081; 0 picks a free one) and serves until
   * the process is stopped; a missing or wrong setting ends it with a message that names it.
   */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    PylonChatWidget widget;
    try {
      widget = widgetFrom(System.getenv());
    } catch (ChatConfigurationException e) {
      System.err.println("Plain FreeMarker sample not started: " + e.getMessage());
      System.exit(2);
      return;
    }
    HttpServer server = start(new InetSocketAddress(port), widget);
    System.out.println("Plain FreeMarker sample running at http://localhost:" + server.getAddress().getPort()
        + "/ (Ctrl-C stops it)");
  }

  /**
   * The widget configured from {@code PYLON_APP_ID} and {@code PYLON_IDENTITY_SECRET} (or
   * {@code PYLON_IDENTITY_SECRET_FILE}) in {@code env}; when none of them is set, from announced demo
   * values. The two come as a pair: a real app id never gets the public demo secret.
   *
   * @throws ChatConfigurationException naming the variable that is missing or wrong
   */
  static PylonChatWidget widgetFrom(Map<String, String> env) {
    ChatEnvironment environment = ChatEnvironment.of(env);
    if (environment.hasAppId() || environment.hasIdentitySecret()) {
      return PylonChatWidget.builder().appId(environment.appId()).identitySecret(environment.identitySecret()).build();
    }
    LOG.log(Level.WARNING, "PYLON_APP_ID and PYLON_IDENTITY_SECRET are not set: using the DEMO app id " + DEMO_APP_ID
        + ", which Pylon does not know, and a public DEMO identity secret. Set both to your values to see the chat.");
    return PylonChatWidget.builder().appId(DEMO_APP_ID).identitySecret(IdentitySecret.ofHex(DEMO_IDENTITY_SECRET))
        .build();
  }

  /**
   * Starts serving the sample's pages at {@code address} (port 0 picks a free port).
   *
   * @return the running server; {@code server.stop(0)} stops it
   */
  static HttpServer start(InetSocketAddress address, PylonChatWidget widget) throws IOException {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassForTemplateLoading(PlainFreemarkerSample.class, "/templates");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    PylonChatDirective.install(cfg, widget); // <@pylonChat/> reads "currentUser" and "cspNonce"
    Template page = cfg.getTemplate("page.ftlh");
    Map<String, Member> sessions = new ConcurrentHashMap<>(); // session id -> signed-in member

    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        serve(exchange, page, sessions);
      }
    });
    server.start();
    return server;
  }

  private static void serve(HttpExchange exchange, Template page, Map<String, Member> sessions) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    String session = sessionId(exchange);
    switch (route) {
      case "GET /" -> renderPage(exchange, page, session == null ? null : sessions.get(session));
      case "POST /login", "POST /logout" -> {
        if (!fromThisSite(exchange)) {
          send(exchange, 403, "text/plain", "Forms are posted only from this site's own page");
          return;
        }
        if (session != null) {
          sessions.remove(session); // signing in starts a new session, signing out ends it
        }
        if (route.equals("POST /login")) {
          signIn(exchange, sessions);
        } else {
          redirect(exchange, "/", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        }
      }
      default -> send(exchange, 404, "text/plain", "Not found: the sample has one page, /");
    }
  }

  /**
   * {@code POST /login}: with a member's username and password, a new session for the member (a new
   * id: an id known before signing in never becomes signed in), else back to the form.
   */
  private static void signIn(HttpExchange exchange, Map<String, Member> sessions) throws IOException {
    Map<String, String> form = form(exchange);
    if (form == null) {
      send(exchange, 413, "text/plain", "The form is too large");
      return;
    }
    Member member = MEMBERS.stream().filter(m -> m.username().equals(form.get("username"))).findFirst().orElse(null);
    String password = form.getOrDefault("password", "");
    if (member == null || !MessageDigest.isEqual(member.demoPassword().getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8))) {
      redirect(exchange, "/?error", null);
      return;
    }
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    sessions.put(session, member);
    redirect(exchange, "/", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
  }

  private static void renderPage(HttpExchange exchange, Template page, Member member) throws IOException {
    String nonce = Base64.getEncoder().encodeToString(random(16));
    Map<String, Object> model = new HashMap<>();
    model.put("currentUser", member); // the session's member; null: nobody, <@pylonChat/> renders nothing
    model.put("cspNonce", nonce);
    model.put("members", MEMBERS);
    model.put("loginFailed", "error".equals(exchange.getRequestURI().getRawQuery()));
    StringWriter html = new StringWriter();
    try {
      page.process(model, html);
    } catch (TemplateException e) {
      LOG.log(Level.ERROR, "rendering the page failed", e);
      send(exchange, 500, "text/plain", "The page could not be rendered; see the server log.");
      return;
    }
    exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy(nonce));
    if (member != null) {
      // The page carries the member's email_hash, which never expires: no shared cache or CDN may
      // keep it and serve it to someone else.
      exchange.getResponseHeaders().set("Cache-Control", "private, no-store");
    }
    send(exchange, 200, "text/html", html.toString());
  }

  /** 303 to {@code location}, setting {@code cookie} unless it is null. */
  private static void redirect(HttpExchange exchange, String location, String cookie) throws IOException {
    if (cookie != null) {
      exchange.getResponseHeaders().set("Set-Cookie", cookie);
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  /**
   * Whether a form post comes from this site's page: browsers send the page's {@code Origin} with
   * every post, so another site's form (which could sign a visitor in as a member they did not
   * choose) is refused; a client that sends none, such as curl, is not a browser someone else drives.
   */
  private static boolean fromThisSite(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null) {
      return true;
    }
    try {
      String host = exchange.getRequestHeaders().getFirst("Host");
      return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The session id in the request's cookies, or null. */
  private static String sessionId(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String cookie : header.split(";")) {
        String[] nameAndValue = cookie.strip().split("=", 2);
        if (nameAndValue.length == 2 && nameAndValue[0].equals(SESSION_COOKIE)) {
          return nameAndValue[1];
        }
      }
    }
    return null;
  }

  /** The fields of an {@code application/x-www-form-urlencoded} body, or null if it is too large. */
  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_FORM_BYTES + 1);
    }
    if (body.length > MAX_FORM_BYTES) {
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    for (String field : new String(body, StandardCharsets.US_ASCII).split("&")) {
      String[] nameAndValue = field.split("=", 2);
      if (nameAndValue.length == 2) {
        try {
          fields.putIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
              URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          // a field that is not URL-encoded is ignored
        }
      }
    }
    return fields;
  }

  /** {@code count} random bytes: for a fresh nonce (16) or session id (32). */
  private static byte[] random(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * Only scripts carrying the nonce run, plus Pylon's widget and the directives Pylon documents;
   * everything else only from this site, and forms post only to it.
   */
  private static String contentSecurityPolicy(String nonce) {
    return "default-src 'self'; script-src 'nonce-" + nonce + "' https://widget.usepylon.com; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; "
        + "connect-src 'self' https://*.usepylon.com wss://*.pusher.com; font-src 'self' https://*.usepylon.com; "
        + "style-src 'self' https://*.usepylon.com; img-src 'self' https://*.usepylon.com "
        + "https://pylon-avatars.s3.us-west-1.amazonaws.com https://d3vl36l12sfx26.cloudfront.net";
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
