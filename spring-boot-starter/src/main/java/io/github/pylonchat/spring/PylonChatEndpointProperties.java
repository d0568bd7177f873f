package io.github.pylonchat.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pylon.chat.endpoint.*} settings: the chat-settings endpoint for single-page and mobile
 * front ends, and its loader script. Off unless enabled:
 *
 * <pre>{@code
 * pylon.chat.endpoint.enabled=true
 * # GET /pylon/chat-settings answers the logged-in user's chat_settings as JSON,
 * # GET /pylon/chat-settings.js is the loader: <script src="/pylon/chat-settings.js" nonce="..."></script>
 * }</pre>
 */
@ConfigurationProperties(PylonChatEndpointProperties.PREFIX)
public class PylonChatEndpointProperties {
  /** The prefix of the endpoint's properties: {@value}. */
  public static final String PREFIX = PylonChatProperties.PREFIX + ".endpoint";
  /** Default of {@code pylon.chat.endpoint.path}: {@value}. */
  public static final String DEFAULT_PATH = "/pylon/chat-settings";

  /**
   * Whether GET on pylon.chat.endpoint.path answers the logged-in user's chat settings as JSON
   * (204 for a visitor who is not logged in), and GET on the same path plus '.js' serves the
   * loader script that starts the widget from them. Both go through the application's security
   * filter chain like any other request.
   */
  private boolean enabled = false;

  /**
   * Path of the chat-settings endpoint, below the servlet context path; the loader script is
   * served at the same path plus '.js'. Letters, digits and - _ . ~ in segments, each after a /.
   */
  private String path = DEFAULT_PATH;

  /**
   * Origins (scheme://host[:port]) of front ends on other origins that may read the chat
   * settings with the user's cookies (CORS with credentials). Empty (the default): no CORS
   * headers at all, so only pages of the application's own origin can read them.
   */
  private List<String> allowedOrigins = new ArrayList<>();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public List<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  public void setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }
}
