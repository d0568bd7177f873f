package io.github.pylonchat;

/**
 * A setting of pylon-chat is missing or wrong. Thrown at start-up (when the configuration is
 * built), never per page.
 *
 * <p>The message names the setting, says what is wrong and how to fix it, and never contains
 * the value of the identity secret. Integrations (such as the Spring Boot starter) can read
 * {@link #setting()}, {@link #problem()} and {@link #fix()} separately.
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
