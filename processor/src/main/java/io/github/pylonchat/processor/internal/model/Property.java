package io.github.pylonchat.processor.internal.model;

import io.github.pylonchat.ChatAccountExternalId;
import io.github.pylonchat.ChatAccountId;
import io.github.pylonchat.ChatAvatarUrl;
import io.github.pylonchat.ChatContactExternalId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;
import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * One chat identity property: its annotation and the static accessor method generated for it.
 * Declared in the order of the {@link io.github.pylonchat.ChatProfile} components.
 */
public enum Property {
  /** {@code @ChatEmail}, the required one. */
  EMAIL(ChatEmail.class, "email"),
  /** {@code @ChatName}. */
  NAME(ChatName.class, "name"),
  /** {@code @ChatAvatarUrl}. */
  AVATAR_URL(ChatAvatarUrl.class, "avatarUrl"),
  /** {@code @ChatAccountId}. */
  ACCOUNT_ID(ChatAccountId.class, "accountId"),
  /** {@code @ChatAccountExternalId}. */
  ACCOUNT_EXTERNAL_ID(ChatAccountExternalId.class, "accountExternalId"),
  /** {@code @ChatContactExternalId}: only ever sent inside a signed token. */
  CONTACT_EXTERNAL_ID(ChatContactExternalId.class, "contactExternalId");

  private static final Property[] ALL = values();

  private final String annotationName;
  private final String annotationSimpleName;
  private final String accessorMethod;

  Property(Class<? extends Annotation> annotation, String accessorMethod) {
    this.annotationName = annotation.getCanonicalName();
    this.annotationSimpleName = annotation.getSimpleName();
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
