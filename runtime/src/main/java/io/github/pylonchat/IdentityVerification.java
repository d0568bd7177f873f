package io.github.pylonchat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How Pylon is told that the chat's user is who the page says: the two kinds of "Identity
 * Verification Secret" in Pylon's in-app chat settings, or none. Chosen by the secret given to
 * {@link PylonChatWidget.Builder}; read back with {@link PylonChatWidget#identityVerification()}.
 *
 * <pre>{@code
 * PylonChatWidget.builder().appId(appId).identitySecret(IdentitySecret.ofHex(hex)).build();   // EMAIL_HASH
 * PylonChatWidget.builder().appId(appId).jwtSecret(JwtSecret.ofText(text)).build();          // JWT
 * PylonChatWidget.builder().appId(appId).withoutIdentityVerification().build();              // NONE
 * }</pre>
 */
public enum IdentityVerification {
  /**
   * Pylon's "HMAC email hash": {@code chat_settings.email_hash}, the HMAC-SHA256 of the email keyed
   * with the hex-decoded {@link IdentitySecret}. The same for every page of a user, and it never
   * expires.
   */
  EMAIL_HASH,
  /**
   * Pylon's "JWT (signed token)": {@code chat_settings.jwt}, a token signed with the
   * {@link JwtSecret} (HS256) for each page, valid for a few minutes (see {@link JwtSigner}).
   */
  JWT,
  /**
   * None: Pylon cannot verify who is chatting and users cannot see their earlier chats. For local
   * development only.
   */
  NONE;

  /**
   * The fields of {@code chat_settings} that this kind of verification vouches for, in which
   * {@code a} and {@code b} differ: for {@link #EMAIL_HASH} the email (the only signed field), for
   * {@link #JWT} the email, name, account external id and contact external id (the token's
   * claims), for {@link #NONE} the email (unsigned, but it still names the user to Pylon). Empty
   * when both profiles are the same identity to Pylon. Used by {@link ChatViewer} to accept a
   * page's user only when it is the logged-in user in every signed field.
   *
   * <pre>{@code
   * IdentityVerification.JWT.differingSignedFields(fromPage, loggedIn);   // e.g. [name]
   * }</pre>
   *
   * @return the names of the differing fields as in {@code chat_settings} ({@code email},
   *     {@code name}, {@code account_external_id}, {@code contact_external_id}), in that order
   */
  public List<String> differingSignedFields(ChatProfile a, ChatProfile b) {
    List<String> differing = new ArrayList<>(4);
    if (!a.email().equals(b.email())) {
      differing.add("email");
    }
    if (this == JWT) {
      if (!Objects.equals(a.name(), b.name())) {
        differing.add("name");
      }
      if (!Objects.equals(a.accountExternalId(), b.accountExternalId())) {
        differing.add("account_external_id");
      }
      if (!Objects.equals(a.contactExternalId(), b.contactExternalId())) {
        differing.add("contact_external_id");
      }
    }
    return differing;
  }
}
