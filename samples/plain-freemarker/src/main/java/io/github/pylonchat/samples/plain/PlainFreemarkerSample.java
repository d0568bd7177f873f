package io.github.pylonchat.samples.plain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.freemarker.PylonChatDirective;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pylon chat widget without a framework: the JDK's HTTP server renders a FreeMarker page whose
 * template contains {@code <@pylonChat/>}, with a per-request CSP nonce.
 *
 * <p>The sample has no login: the path picks who is signed in ({@code /members/ada}); {@code /}
 * is a visitor who is not signed in and gets no widget. Run it with
 * {@code java -jar samples/plain-freemarker/target/pylon-chat-sample-plain-freemarker.jar [port]}
 * (default port 8081).
 */
public final class PlainFreemarkerSample {
  /** App id used when {@code PYLON_APP_ID} is not set; Pylon does not know it. */
  static final String DEMO_APP_ID = "pylon-chat-java-demo";
  /** Pylon's documented test secret, used when no secret is configured. Never use it for real. */
  static final String DEMO_IDENTITY_SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  /** The members a visitor can pick; two of them have hostile names that must stay text. */
  static final List<Member> MEMBERS = List.of(
      new Member("ada", "ada@example.com", "Ada Lovelace"),
      new Member("zoe", "zoë@exämple.com", "Zoë Ångström-Łukasiewicz"),
      new Member("mallory", "mallory@example.com", "</script><script>alert(1)</script>"),
      new Member("eve", "eve+\"'<b>@example.com", "\"-alert(1)-\"\u2028<!--<script>"));

  private static final System.Logger LOG = System.getLogger(PlainFreemarkerSample.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private PlainFreemarkerSample() {}

  /**
   * Starts the sample on port {@code args[0]} (default 8081; 0 picks a free one) and serves until
   * the process is stopped.
   */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    HttpServer server = start(new InetSocketAddress(port), widgetFrom(System.getenv()));
    System.out.println("Plain FreeMarker sample running at http://localhost:" + server.getAddress().getPort()
        + "/ (Ctrl-C stops it)");
  }

  /**
   * The widget configured from {@code PYLON_APP_ID} and {@code PYLON_IDENTITY_SECRET} (or
   * {@code PYLON_IDENTITY_SECRET_FILE}) in {@code env}, with announced demo values for what is
   * not set.
   */
  static PylonChatWidget widgetFrom(Map<String, String> env) {
    String appId = env.get(PylonChatWidget.ENV_APP_ID);
    if (appId == null || appId.isBlank()) {
      LOG.log(Level.WARNING, "PYLON_APP_ID is not set: using the DEMO app id " + DEMO_APP_ID
          + ", which Pylon does not know. Set PYLON_APP_ID to your app id to see the chat.");
      appId = DEMO_APP_ID;
    }
    IdentitySecret secret = IdentitySecret.fromEnvironment(env).orElseGet(() -> {
      LOG.log(Level.WARNING, "PYLON_IDENTITY_SECRET is not set: using a public DEMO identity secret."
          + " Set PYLON_IDENTITY_SECRET (or PYLON_IDENTITY_SECRET_FILE) to your secret.");
      return IdentitySecret.ofHex(DEMO_IDENTITY_SECRET);
    });
    return PylonChatWidget.builder().appId(appId, PylonChatWidget.ENV_APP_ID).identitySecret(secret).build();
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

    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        serve(exchange, page);
      }
    });
    server.start();
    return server;
  }

  private static void serve(HttpExchange exchange, Template page) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Member member = MEMBERS.stream().filter(m -> path.equals("/members/" + m.id())).findFirst().orElse(null);
    if (member == null && !path.equals("/")) {
      send(exchange, 404, "text/plain", "Not found: try /members/ada or /");
      return;
    }
    String nonce = newNonce();
    Map<String, Object> model = new HashMap<>();
    model.put("currentUser", member); // null: nobody is signed in, <@pylonChat/> renders nothing
    model.put("cspNonce", nonce);
    model.put("members", MEMBERS);
    StringWriter html = new StringWriter();
    try {
      page.process(model, html);
    } catch (TemplateException e) {
      LOG.log(Level.ERROR, "rendering " + path + " failed", e);
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

  /** 128 random bits, base64: a fresh nonce for each response. */
  private static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Only scripts carrying the nonce run, plus Pylon's widget and the directives Pylon documents. */
  private static String contentSecurityPolicy(String nonce) {
    return "script-src 'nonce-" + nonce + "' https://widget.usepylon.com; object-src 'none'; base-uri 'none'; "
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
