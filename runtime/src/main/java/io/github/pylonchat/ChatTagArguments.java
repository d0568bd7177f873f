package io.github.pylonchat;

/**
 * The parameters one use of a chat template tag was given by the page author, unwrapped from the
 * template engine's own types: {@code <@pylonChat user=member nonce=cspNonce/>} in FreeMarker,
 * {@code <pylon:chat user="${member}" nonce="${cspNonce}"/>} in Thymeleaf.
 *
 * <p>A parameter that is given may still be null (a variable that is missing on this page): that
 * is different from a parameter that is not given, for which a {@link ChatTagResolver} looks
 * elsewhere (a template variable, the logged-in principal).
 *
 * @param userGiven whether the tag has a {@code user} parameter
 * @param user its value, or null
 * @param nonceGiven whether the tag has a {@code nonce} parameter
 * @param nonce its value, or null
 */
public record ChatTagArguments(boolean userGiven, Object user, boolean nonceGiven, Object nonce) {
  /** A tag without parameters ({@code <@pylonChat/>}, {@code <pylon:chat/>}). */
  public static final ChatTagArguments NONE = new ChatTagArguments(false, null, false, null);
}
