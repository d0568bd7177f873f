package io.github.pylonchat.samples.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar as the README says ({@code java -jar ...}), signs a member in and loads the page. */
class PlainFreemarkerSampleJarIT {
  private static final Pattern RUNNING_AT = Pattern.compile("running at (http://localhost:\\d+/)");

  @Test
  void packagedJarSignsAMemberInAndServesThePageWithTheWidget() throws Exception {
    String jarProperty = System.getProperty("sample.jar");
    assertNotNull(jarProperty, "run by Maven's failsafe plugin (mvn verify), which names the packaged jar in sample.jar");
    Path jar = Path.of(jarProperty);
    assertTrue(Files.isRegularFile(jar), "the packaged jar is missing: " + jar);
    ProcessBuilder command = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "0")
        .redirectErrorStream(true);
    command.environment().remove("PYLON_APP_ID");
    command.environment().remove("PYLON_IDENTITY_SECRET");
    command.environment().remove("PYLON_IDENTITY_SECRET_FILE");
    Process sample = command.start();
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(sample.getInputStream(), StandardCharsets.UTF_8))) {
      String baseUrl = null;
      StringBuilder log = new StringBuilder();
      for (String line; baseUrl == null && (line = output.readLine()) != null; ) {
        log.append(line).append('\n');
        Matcher running = RUNNING_AT.matcher(line);
        baseUrl = running.find() ? running.group(1) : null;
      }
      assertNotNull(baseUrl, "the sample did not start:\n" + log);
      assertTrue(log.toString().contains("DEMO app id"), "the demo values are announced:\n" + log);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=zoe&password=zoe-password")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String session = login.headers().firstValue("Set-Cookie").orElseThrow();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl))
          .header("Cookie", session.substring(0, session.indexOf(';'))).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().contains("Signed in as <strong>Zoë Ångström-Łukasiewicz</strong>"), page.body());
      assertTrue(page.body().contains("\"app_id\":\"pylon-chat-java-demo\""), page.body());
    } finally {
      sample.destroy();
      sample.waitFor();
    }
  }
}
