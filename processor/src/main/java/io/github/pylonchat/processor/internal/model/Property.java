package io.github.pylonchat.processor.internal.model;

import java.util.Optional;

/**
 * One chat identity property: its annotation and the static accessor method generated for it.
 * Declared in the order of the {@code io.github.pylonchat.ChatProfile} components.
 */
public enum Property {
  /** {@code @ChatEmail}, the required one. */
  EMAIL("ChatEmail", "email"),
  /** {@code @ChatName}. */
  NAME("ChatName", "name"),
  /** {@code @ChatAvatarUrl}. */
  AVATAR_URL("ChatAvatarUrl", "avatarUrl"),
  /** {@code @ChatAccountId}. */
  ACCOUNT_ID("ChatAccountId", "accountId"),
  /** {@code @ChatAccountExternalId}. */
  ACCOUNT_EXTERNAL_ID("ChatAccountExternalId", "accountExternalId"),
  /** {@code @ChatContactExternalId}: only ever sent inside a signed token. */
  CONTACT_EXTERNAL_ID("ChatContactExternalId", "contactExternalId");

  private static final Property[] ALL = values();

  private final String annotationName;
  private final String annotationSimpleName;
  private final String accessorMethod;

  Property(String annotationSimpleName, String accessorMethod) {
    this.annotationName = RuntimeNames.PACKAGE + "." + annotationSimpleName;
    this.annotationSimpleName = annotationSimpleName;
    this.accessorMethod = accessorMethod;
  }

  /** The qualified name of the annotation, e.g. {@code io.github.pylonchat.ChatEmail}. */
  public String annotationName() {
    return annotationName;
  }

  /** How messages show the annotation, e.g. {@code @ChatEmail}. */
  public String display() {
    return "@" + annotationSimpleName;
  }

  /** The name of the generated static accessor, e.g. {@code email}. */
  public String accessorMethod() {
    return accessorMethod;
  }

  /**
   * The property whose annotation's simple name (e.g. {@code ChatEmail}) starts at {@code
   * index} of {@code text}, if any.
   */
  public static Optional<Property> forSimpleNameAt(CharSequence text, int index) {
    for (Property property : ALL) {
      String name = property.annotationSimpleName;
      if (text.length() - index >= name.length()) {
        int i = 0;
        while (i < name.length() && text.charAt(index + i) == name.charAt(i)) {
          i++;
        }
        if (i == name.length()) {
          return Optional.of(property);
        }
      }
    }
    return Optional.empty();
  }

  /** The property whose annotation has the qualified name {@code annotationName}, if any. */
  public static Optional<Property> forAnnotation(String annotationName) {
    for (Property property : ALL) {
      if (property.annotationName.equals(annotationName)) {
        return Optional.of(property);
      }
    }
    return Optional.empty();
  }
}
