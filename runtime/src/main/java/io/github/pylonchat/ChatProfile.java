package io.github.pylonchat;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The chat identity of one user, as sent to Pylon in {@code chat_settings}.
 *
 * <p>Usually made by a generated {@code <Type>ChatIdentity} accessor (see {@link ChatIdentities});
 * can also be built by hand. Only {@code email} is required; the other fields may be null and are
 * then left out.
 *
 * <pre>{@code
 * ChatProfile profile = ChatProfile.of("ada@example.com", "Ada Lovelace");
 * }</pre>
 *
 * @param email sent as {@code email} and signed as {@code email_hash}; not null or blank, and
 *     without an unpaired surrogate (it has no UTF-8 form to sign)
 * @param name sent as {@code name}
 * @param avatarUrl sent as {@code avatar_url}; an absolute {@code http} or {@code https} URL
 * @param accountId sent as {@code account_id}
 * @param accountExternalId sent as {@code account_external_id}
 * @param contactExternalId the user's own id in your system, {@code contact_external_id}: Pylon
 *     accepts it only inside a signed identity token, so it is never written into {@code
 *     chat_settings}
 */
public record ChatProfile(
    String email,
    String name,
    String avatarUrl,
    String accountId,
    String accountExternalId,
    String contactExternalId) {

  /**
   * Validates the profile.
   *
   * @throws IllegalArgumentException if the email is null, blank or has an unpaired surrogate, or
   *     the avatar URL is not an absolute http(s) URL
   */
  public ChatProfile {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException(
          "the chat email is " + (email == null ? "null" : "blank")
              + ": a logged-in user needs an email for Pylon's identity verification");
    }
    if (EmailHasher.hasUnpairedSurrogate(email)) {
      throw new IllegalArgumentException("the chat email " + EmailHasher.UNPAIRED_SURROGATE);
    }
    if (avatarUrl != null && !isHttpUrl(avatarUrl)) {
      throw new IllegalArgumentException(
          "the avatar URL must be an absolute http or https URL (other schemes such as javascript: or data: are refused)");
    }
  }

  /**
   * A profile without a contact external id, as before {@code contactExternalId} existed.
   *
   * <pre>{@code
   * new ChatProfile("ada@example.com", "Ada", null, "acme", "crm-42");
   * }</pre>
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public ChatProfile(
      String email, String name, String avatarUrl, String accountId, String accountExternalId) {
    this(email, name, avatarUrl, accountId, accountExternalId, null);
  }

  /** A profile with an email and a display name. */
  public static ChatProfile of(String email, String name) {
    return new ChatProfile(email, name, null, null, null, null);
  }

  private static boolean isHttpUrl(String url) {
    try {
      return isHttpUrl(new URI(url));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An absolute {@code http} or {@code https} URL with a host (shared with the widget URL check). */
  static boolean isHttpUrl(URI uri) {
    String scheme = uri.getScheme();
    return uri.isAbsolute()
        && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        && uri.getHost() != null;
  }
}
