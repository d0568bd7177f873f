package io.github.pylonchat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Finds the generated {@code <Type>ChatIdentity} accessor of any user object.
 *
 * <p>The accessor is found by the naming rule ({@code com.acme.User} -> {@code
 * com.acme.UserChatIdentity}, {@code Outer.Inner} -> {@code Outer_InnerChatIdentity}), never by
 * reflection on the model's own members. If a class has none, its superclasses and interfaces are
 * searched, so subclasses and ORM proxies (such as Hibernate's {@code User$HibernateProxy$...})
 * of an annotated class work. The result is cached per class in a {@link ClassValue}, which is
 * released together with the class (no leak on redeploy); a lookup after the first is a few
 * nanoseconds.
 *
 * <pre>{@code
 * ChatProfile profile = ChatIdentities.profileOf(currentUser);
 * }</pre>
 */
public final class ChatIdentities {
  private static final String SUFFIX = "ChatIdentity";
  private static final String INSTANCE_FIELD = "INSTANCE";

  private static final ClassValue<Optional<ChatIdentityAccessor<?>>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Optional<ChatIdentityAccessor<?>> computeValue(Class<?> type) {
          return find(type);
        }
      };

  private ChatIdentities() {}

  /**
   * The profile of {@code user}: read through its generated accessor, or {@code user} itself if
   * it already is a {@link ChatProfile}.
   *
   * @throws IllegalArgumentException if {@code user} is null, its type (and all its supertypes)
   *     has no {@code @ChatEmail}, or the profile is invalid (blank email, non-http avatar URL)
   */
  @SuppressWarnings("unchecked")
  public static ChatProfile profileOf(Object user) {
    if (user == null) {
      throw new IllegalArgumentException("user is null: there is no chat identity to read");
    }
    if (user instanceof ChatProfile profile) {
      return profile;
    }
    return ((ChatIdentityAccessor<Object>) accessorFor(user.getClass())).profile(user);
  }

  /**
   * Whether objects of {@code type} have a chat identity (a generated accessor for it or one of
   * its supertypes, or {@code type} is {@link ChatProfile}).
   */
  public static boolean hasIdentity(Class<?> type) {
    return type == ChatProfile.class || ACCESSORS.get(type).isPresent();
  }

  /**
   * The generated accessor that reads objects of {@code type}.
   *
   * @throws IllegalArgumentException if neither {@code type} nor a supertype declares
   *     {@code @ChatEmail}
   */
  public static ChatIdentityAccessor<?> accessorFor(Class<?> type) {
    return ACCESSORS.get(type).orElseThrow(() -> noIdentity(type));
  }

  private static IllegalArgumentException noIdentity(Class<?> type) {
    if (type.getClassLoader() == null) {
      // A JDK type can never carry @ChatEmail; the usual cause is passing the user's name, email,
      // session map or an Optional instead of the user object itself.
      return new IllegalArgumentException("the user is a " + type.getName()
          + ", not a user object: pass the logged-in user itself (an object whose class has"
          + " @io.github.pylonchat.ChatEmail), a ChatProfile, or null when nobody is logged in");
    }
    return new IllegalArgumentException(
        type.getName() + " has no chat identity: annotate the member that holds the user's email"
            + " with @io.github.pylonchat.ChatEmail, and make sure pylon-chat-processor is on the"
            + " annotationProcessorPaths so that " + accessorName(type) + " is generated");
  }

  private static Optional<ChatIdentityAccessor<?>> find(Class<?> type) {
    Optional<ChatIdentityAccessor<?>> own = load(type);
    if (own.isPresent()) {
      return own;
    }
    Class<?> superclass = type.getSuperclass();
    if (superclass != null && superclass != Object.class) {
      Optional<ChatIdentityAccessor<?>> inherited = ACCESSORS.get(superclass);
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    for (Class<?> iface : type.getInterfaces()) {
      Optional<ChatIdentityAccessor<?>> inherited = ACCESSORS.get(iface);
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    return Optional.empty();
  }

  private static Optional<ChatIdentityAccessor<?>> load(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null || type.isArray() || type.isPrimitive() || type.isAnonymousClass()
        || type.isLocalClass() || type.isSynthetic()) {
      return Optional.empty(); // JDK types and types a processor cannot name have no accessor
    }
    String name = accessorName(type);
    Class<?> generated;
    try {
      generated = Class.forName(name, true, loader);
    } catch (ClassNotFoundException | LinkageError notGenerated) {
      return Optional.empty();
    }
    try {
      Field instance = generated.getField(INSTANCE_FIELD);
      if (Modifier.isStatic(instance.getModifiers())
          && instance.get(null) instanceof ChatIdentityAccessor<?> accessor) {
        return Optional.of(accessor);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // fall through to the error below
    }
    throw new IllegalStateException(
        name + " exists but is not a pylon-chat generated accessor (no public static INSTANCE"
            + " implementing ChatIdentityAccessor): rename that class, or rebuild so that"
            + " pylon-chat-processor regenerates it");
  }

  /** {@code com.acme.Outer.Inner} -> {@code com.acme.Outer_InnerChatIdentity}. */
  static String accessorName(Class<?> type) {
    StringBuilder simpleNames = new StringBuilder(type.getSimpleName());
    for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
      simpleNames.insert(0, outer.getSimpleName() + "_");
    }
    String pkg = type.getPackageName();
    return (pkg.isEmpty() ? "" : pkg + ".") + simpleNames + SUFFIX;
  }
}
