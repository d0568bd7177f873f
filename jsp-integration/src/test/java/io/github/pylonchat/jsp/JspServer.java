package io.github.pylonchat.jsp;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * An embedded Tomcat whose Jasper compiles the pages of {@code src/test/webapp} as a container does
 * in production, on a random port of the loopback address. The tag library is found as in a
 * deployed application, by scanning the class path for {@code META-INF/*.tld} (here a directory,
 * {@code target/classes}, which Tomcat scans only when asked to).
 */
final class JspServer implements AutoCloseable {
  private final Tomcat tomcat = new Tomcat();
  private final Context context;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final int port;

  /**
   * Starts the server with {@code filter} in front of every page, and {@code setUp} run on the
   * context before it starts (to add servlets).
   */
  JspServer(Filter filter, Consumer<Context> setUp) {
    try {
      tomcat.setBaseDir(Files.createTempDirectory("jsp-tomcat").toString());
      tomcat.setHostname("127.0.0.1");
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      context = tomcat.addWebapp("", new File("src/test/webapp").getAbsolutePath());
      ((StandardJarScanner) context.getJarScanner()).setScanAllDirectories(true);
      // production mode: each page is compiled once, and a page that failed to compile fails again with
      // the same error (in development mode Jasper rechecks the file, then fails to load the class)
      // (Tomcat adds the JSP servlet when the context configures, after addWebapp)
      context.addLifecycleListener(event -> {
        if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
          ((Wrapper) context.findChild("jsp")).addInitParameter("development", "false");
        }
      });
      FilterDef definition = new FilterDef();
      definition.setFilterName("pages");
      definition.setFilter(filter);
      context.addFilterDef(definition);
      FilterMap mapping = new FilterMap();
      mapping.setFilterName("pages");
      mapping.addURLPattern("/*");
      context.addFilterMap(mapping);
      setUp.accept(context);
      tomcat.start();
      port = tomcat.getConnector().getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The web application's servlet context. */
  ServletContext servletContext() {
    return context.getServletContext();
  }

  /** GETs {@code path} with the header {@code X-Page: page}. */
  HttpResponse<String> get(String path, String page) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Page", page).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
