package io.github.pylonchat;

/**
 * A setting of pylon-chat is missing or wrong. Thrown at start-up (when the configuration is
 * built), never per page.
 *
 * <p>The message names the setting, says what is wrong and how to fix it, and never contains
 * the value of the identity secret. Integrations (such as the Spring Boot starter) can read
 * {@link #setting()}, {@link #problem()} and {@link #fix()} separately, and report a problem
 * under the name their user knows with {@link #withSetting(String)}.
 */
public final class ChatConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String problem;
  private final String fix;

  /**
   * @param setting the setting as the user knows it, e.g. {@code PYLON_IDENTITY_SECRET}
   * @param problem what is wrong, without the secret value, e.g. {@code "is empty"}
   * @param fix what to do about it
   */
  public ChatConfigurationException(String setting, String problem, String fix) {
    super(setting + " " + problem + ". " + fix);
    this.setting = setting;
    this.problem = problem;
    this.fix = fix;
  }

  /**
   * The same problem and fix, reported for {@code otherSetting}: for a caller that passed a value
   * from its own setting and knows that setting's name.
   *
   * <pre>{@code
   * try {
   *   builder.appId(properties.getAppId());
   * } catch (ChatConfigurationException e) {
   *   throw e.withSetting("pylon.chat.app-id");   // "pylon.chat.app-id is not a Pylon app id. ..."
   * }
   * }</pre>
   */
  public ChatConfigurationException withSetting(String otherSetting) {
    ChatConfigurationException relabelled = new ChatConfigurationException(otherSetting, problem, fix);
    relabelled.setStackTrace(getStackTrace());
    return relabelled;
  }

  /** The setting that is wrong, e.g. {@code PYLON_IDENTITY_SECRET}. */
  public String setting() {
    return setting;
  }

  /** What is wrong with it, e.g. {@code "is empty"}. */
  public String problem() {
    return problem;
  }

  /** What to do about it. */
  public String fix() {
    return fix;
  }
}
