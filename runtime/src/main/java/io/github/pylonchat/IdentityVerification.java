package io.github.pylonchat;

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
  NONE
}
