package io.github.pylonchat;

import java.util.List;
import java.util.Objects;

/**
 * Who is logged in on the current request, as the application's authentication framework (Spring
 * Security, Quarkus Security) says: the one authority on whom the chat signs. A user that a page
 * hands to the tag (a {@code user=} parameter, a template variable, a request attribute) is only a
 * carrier of the same person's data; {@link #signedUser} is the rule that decides, and every
 * framework integration asks it:
 *
 * <ul>
 *   <li>{@link Kind#IDENTIFIED}: the viewer's own user is signed; a user from the page is signed
 *       instead only when it equals the viewer's in every field the verification signs (the email;
 *       with a JWT also the name and the external ids), otherwise the tag fails;
 *   <li>{@link Kind#ANONYMOUS} and {@link Kind#UNIDENTIFIED}: nobody is signed, whatever the page
 *       hands over (it may have been bound from request parameters);
 *   <li>{@link Kind#IMPERSONATING}: only the user chosen for impersonation (the administrator, or
 *       nobody) is signed, never the impersonated one, whatever the page hands over;
 *   <li>{@link Kind#PAGE}: no authentication framework decides (plain servlets, an application
 *       without Spring Security): the page's user is signed as given, which trusts the application's
 *       controllers to put only the logged-in user there.
 * </ul>
 *
 * <pre>{@code
 * ChatViewer viewer = loggedIn == null ? ChatViewer.anonymous() : ChatViewer.identified(loggedIn);
 * Object signed = viewer.signedUser(pageUser, widget.identityVerification(),
 *     "the template variable currentUser", "put the logged-in user there, or nothing");
 * widget.render(signed, nonce, out);
 * }</pre>
 */
public final class ChatViewer {
  /** What the authentication framework knows of the current request's user. */
  public enum Kind {
    /** No authentication framework decides: the page's user is signed as the page gives it. */
    PAGE,
    /**
     * Nobody is logged in: no authentication, an anonymous one, or one whose identity is not
     * trusted (an OpenID Connect login through an untrusted client registration or with an
     * unverified email).
     */
    ANONYMOUS,
    /** A logged-in user with a chat identity: {@link #user()}. */
    IDENTIFIED,
    /** A logged-in principal that nothing maps to a chat identity: {@link #principalType()}. */
    UNIDENTIFIED,
    /** An administrator acts as another user: only {@link #user()} (or nobody) may be signed. */
    IMPERSONATING
  }

  private static final ChatViewer PAGE = new ChatViewer(Kind.PAGE, null, null);
  private static final ChatViewer ANONYMOUS = new ChatViewer(Kind.ANONYMOUS, null, null);

  private final Kind kind;
  private final Object user;
  private final Class<?> principalType;

  private ChatViewer(Kind kind, Object user, Class<?> principalType) {
    this.kind = kind;
    this.user = user;
    this.principalType = principalType;
  }

  /** No authentication framework: the page's user is signed as given ({@link Kind#PAGE}). */
  public static ChatViewer page() {
    return PAGE;
  }

  /** Nobody is logged in ({@link Kind#ANONYMOUS}). */
  public static ChatViewer anonymous() {
    return ANONYMOUS;
  }

  /**
   * The logged-in user, mapped to its chat identity ({@link Kind#IDENTIFIED}).
   *
   * @param user an object whose type (or a supertype) has {@code @ChatEmail}, or a
   *     {@link ChatProfile}
   */
  public static ChatViewer identified(Object user) {
    return new ChatViewer(Kind.IDENTIFIED, Objects.requireNonNull(user, "user"), null);
  }

  /**
   * A logged-in principal without a chat identity ({@link Kind#UNIDENTIFIED}).
   *
   * @param principalType the principal's class, named in the warning that says how to map it
   */
  public static ChatViewer unidentified(Class<?> principalType) {
    return new ChatViewer(Kind.UNIDENTIFIED, null, Objects.requireNonNull(principalType, "principalType"));
  }

  /**
   * An administrator impersonates someone ({@link Kind#IMPERSONATING}).
   *
   * @param signedInstead the administrator's own chat user when the application chose to sign it,
   *     or null to sign nobody
   */
  public static ChatViewer impersonating(Object signedInstead) {
    return new ChatViewer(Kind.IMPERSONATING, signedInstead, null);
  }

  /** What the authentication framework knows. */
  public Kind kind() {
    return kind;
  }

  /** The viewer's chat user: for {@link Kind#IDENTIFIED}, and for {@link Kind#IMPERSONATING} when someone is signed. */
  public Object user() {
    return user;
  }

  /** The class of an {@link Kind#UNIDENTIFIED} principal, else null. */
  public Class<?> principalType() {
    return principalType;
  }

  /**
   * The one rule of whom the chat signs on this request: see the class description.
   *
   * @param pageUser the user the page hands over (a tag parameter, a template variable), or null
   * @param verification the widget's kind of identity verification, which says the signed fields
   * @param pageUserName how messages name where {@code pageUser} came from, for example
   *     {@code the attribute "currentUser" (pylon.chat.user-attribute)}
   * @param fix what to do when {@code pageUser} is not the logged-in user, ending the message
   * @return the user to sign (an object with a chat identity or a {@link ChatProfile}), or null to
   *     sign nobody; a page's user accepted as the viewer's is returned as the {@link ChatProfile}
   *     that was compared, read once, so that what is signed is what was checked
   * @throws IllegalStateException if the viewer is {@link Kind#IDENTIFIED} and {@code pageUser}
   *     differs from it in a signed field; the message names the fields, never their values
   * @throws IllegalArgumentException if {@code pageUser} has no chat identity and must be read
   */
  public Object signedUser(Object pageUser, IdentityVerification verification, String pageUserName, String fix) {
    return switch (kind) {
      case PAGE -> pageUser;
      case ANONYMOUS, UNIDENTIFIED -> null;
      case IMPERSONATING -> user;
      case IDENTIFIED -> {
        if (pageUser == null) {
          yield user;
        }
        // Read once: the profile compared is the one signed. Read again, a mutable page user (a form
        // object that another request of the same session rebinds) could have changed in between.
        ChatProfile given = ChatIdentities.profileOf(pageUser);
        List<String> differing = verification.differingSignedFields(given, ChatIdentities.profileOf(user));
        if (!differing.isEmpty()) {
          throw new IllegalStateException(pageUserName + " is not the logged-in user: its chat "
              + String.join(" and ", differing) + (differing.size() == 1 ? " differs" : " differ")
              + " from the authenticated user's, and only the logged-in user is ever signed"
              + (verification == IdentityVerification.JWT
                  ? " (with a JWT, email, name, account_external_id and contact_external_id are all signed)" : "")
              + ". " + fix);
        }
        yield given;
      }
    };
  }

  @Override
  public String toString() {
    // never the user: its toString() may print personal data
    return "ChatViewer[" + kind + (principalType == null ? "" : ", principal type " + principalType.getName()) + "]";
  }
}
