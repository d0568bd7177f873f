package io.github.pylonchat.contract;

/**
 * How a contract page writes the chat tag. Every page is {@link #BEFORE}, the tag, {@link #AFTER}, so
 * that its text around the widget is known exactly. A parameter is bound to a template variable of
 * the page: {@code user} to {@value #USER_VARIABLE}, {@code nonce} to {@value #NONCE_VARIABLE}.
 *
 * <p>In FreeMarker, for example: {@link #BARE} is {@code <p>before</p><@pylonChat/><p>after</p>},
 * {@link #USER_AND_NONCE} is {@code <p>before</p><@pylonChat user=member nonce=pageNonce/><p>after</p>}.
 */
public enum TagForm {
  /** No parameters: the tag finds the user and nonce itself (template variables, the resolver). */
  BARE,
  /** The {@code user} parameter, bound to the variable {@value #USER_VARIABLE}. */
  USER,
  /** The {@code nonce} parameter, bound to the variable {@value #NONCE_VARIABLE}. */
  NONCE,
  /** Both parameters. */
  USER_AND_NONCE,
  /** A misspelt parameter {@code usr}, bound to the variable {@value #USER_VARIABLE}. */
  UNKNOWN_PARAMETER,
  /** No parameters and a body, the text {@code Chat with us}. */
  BODY;

  /** The page's text before the tag. */
  public static final String BEFORE = "<p>before</p>";
  /** The page's text after the tag. */
  public static final String AFTER = "<p>after</p>";
  /** The variable that the {@code user} parameter names. */
  public static final String USER_VARIABLE = "member";
  /** The variable that the {@code nonce} parameter names. */
  public static final String NONCE_VARIABLE = "pageNonce";
}
