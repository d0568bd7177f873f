package io.github.pylonchat.samples.browsertest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for widget.usepylon.com on another local origin (CI has no internet): serves, for one
 * app id, a widget script that marks the page when it runs ({@code window.pylonStubWidget} is set
 * to the script's path), and 404 for any other. Set {@link #widgetUrl()} as
 * {@code pylon.chat.widget-url}.
 */
public final class PylonWidgetStub {
  private final HttpServer server;

  private PylonWidgetStub(HttpServer server) {
    this.server = server;
  }

  /** Starts the stub on a free port of the loopback address. */
  public static PylonWidgetStub start(String appId) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/widget/", exchange -> {
        try (exchange) {
          String path = exchange.getRequestURI().getPath();
          byte[] script = ("window.pylonStubWidget = '" + path + "';").getBytes(StandardCharsets.UTF_8);
          boolean known = path.equals("/widget/" + appId);
          exchange.getResponseHeaders().set("Content-Type", "text/javascript");
          exchange.sendResponseHeaders(known ? 200 : 404, known ? script.length : -1);
          if (known) {
            exchange.getResponseBody().write(script);
          }
        }
      });
      server.start();
      return new PylonWidgetStub(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The widget base URL to configure; the app id is appended to it. */
  public String widgetUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/widget/";
  }

  /** Stops the stub. */
  public void stop() {
    server.stop(0);
  }
}
