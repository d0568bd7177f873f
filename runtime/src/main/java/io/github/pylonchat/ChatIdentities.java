package io.github.pylonchat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Finds the generated {@code <Type>ChatIdentity} accessor of any user object.
 *
 * <p>The accessor is found by the naming rule ({@code com.acme.User} -> {@code
 * com.acme.UserChatIdentity}, {@code Outer.Inner} -> {@code Outer_InnerChatIdentity}), never by
 * reflection on the model's own members. If a class has none, its superclasses and interfaces are
 * searched, so subclasses and ORM proxies (such as Hibernate's {@code User$HibernateProxy$...})
 * of an annotated class work. A class that inherits two different {@code @ChatEmail} (from its
 * superclass and an interface, say) is refused rather than read by whichever comes first. The
 * result is cached per class in a {@link ClassValue}, which is released together with the class
 * (no leak on redeploy); a lookup after the first is a few nanoseconds.
 *
 * <pre>{@code
 * ChatProfile profile = ChatIdentities.profileOf(currentUser);
 * }</pre>
 */
public final class ChatIdentities {
  private static final String SUFFIX = "ChatIdentity";
  private static final String INSTANCE_FIELD = "INSTANCE";

  private static final ClassValue<Lookup> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Lookup computeValue(Class<?> type) {
          return find(type);
        }
      };

  /**
   * What is known about one class: the accessor that reads it and the annotated class that
   * accessor was generated for, or why no accessor may be used (then {@code problem} is set).
   */
  private record Lookup(ChatIdentityAccessor<?> accessor, Class<?> modelType, String problem) {
    static final Lookup NONE = new Lookup(null, null, null);

    static Lookup refused(String problem) {
      return new Lookup(null, null, problem);
    }
  }

  private ChatIdentities() {}

  /**
   * The profile of {@code user}: read through its generated accessor, or {@code user} itself if
   * it already is a {@link ChatProfile}.
   *
   * @throws IllegalArgumentException if {@code user} is null, its type (and all its supertypes)
   *     has no {@code @ChatEmail}, or the profile is invalid (blank email, non-http avatar URL)
   * @throws IllegalStateException if its type inherits two different {@code @ChatEmail}, or the
   *     class found by the naming rule is not the accessor of its type (see {@link #accessorFor})
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
   *
   * @throws IllegalStateException as {@link #accessorFor} does
   */
  public static boolean hasIdentity(Class<?> type) {
    if (type == ChatProfile.class) {
      return true;
    }
    Lookup lookup = ACCESSORS.get(type);
    if (lookup.problem() != null) {
      throw new IllegalStateException(lookup.problem());
    }
    return lookup.accessor() != null;
  }

  /**
   * The generated accessor that reads objects of {@code type}: its own, or else the one its
   * superclass or interfaces have.
   *
   * @throws IllegalArgumentException if neither {@code type} nor a supertype declares
   *     {@code @ChatEmail}
   * @throws IllegalStateException if {@code type} inherits accessors with different emails from
   *     two supertypes (for example {@code class Member extends User implements Contact}, with a
   *     {@code @ChatEmail} in both {@code User} and {@code Contact}): which email to sign must not
   *     depend on the order of {@code extends} and {@code implements}; or if the class found by
   *     the naming rule is not the accessor of {@code type}
   */
  public static ChatIdentityAccessor<?> accessorFor(Class<?> type) {
    Lookup lookup = ACCESSORS.get(type);
    if (lookup.accessor() != null) {
      return lookup.accessor();
    }
    if (lookup.problem() != null) {
      throw new IllegalStateException(lookup.problem());
    }
    throw noIdentity(type);
  }

  /**
   * Why objects of {@code type} have no chat identity although {@code type} or one of its
   * supertypes carries {@code @ChatEmail}: its accessor was not generated, because {@code
   * pylon-chat-processor} did not run when that class was compiled (on JDK 23 and newer, javac runs
   * no processor that is merely on the class path). The text names the class, the missing
   * accessor and the fix, with the {@code annotationProcessorPaths} entry to add; it is the message
   * of {@link #profileOf}'s exception for such a type, and meant for a log message about it.
   *
   * <pre>{@code
   * if (!ChatIdentities.hasIdentity(user.getClass())) {
   *   ChatIdentities.missingAccessorCause(user.getClass()).ifPresent(log::warn);
   * }
   * }</pre>
   *
   * @return empty if {@code type} has a chat identity or is refused (see {@link #accessorFor}),
   *     or if neither it nor a supertype carries {@code @ChatEmail}
   */
  public static Optional<String> missingAccessorCause(Class<?> type) {
    Lookup lookup = ACCESSORS.get(type);
    if (lookup.accessor() != null || lookup.problem() != null) {
      return Optional.empty();
    }
    Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
    Set<Class<?>> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Class<?> candidate = pending.removeFirst();
      if (candidate.getClassLoader() == null || !seen.add(candidate)) {
        continue; // a JDK type carries no annotation of ours
      }
      // no accessor is generated for a local or anonymous class ([ChatLocalType] under javac)
      boolean nameless = candidate.isLocalClass() || candidate.isAnonymousClass();
      Optional<String> member = nameless ? Optional.empty() : emailMember(candidate);
      if (member.isPresent()) {
        String version = RuntimeVersion.VERSION;
        return Optional.of((candidate == type ? "" : "its supertype ") + candidate.getName()
            + " has @ChatEmail on " + member.get() + ", but " + accessorName(candidate)
            + " does not exist: pylon-chat-processor did not run when " + candidate.getName()
            + " was compiled. Add it to maven-compiler-plugin's annotationProcessorPaths (javac 23"
            + " and newer ignore a processor that is only among the dependencies): <path>"
            + "<groupId>io.github.pylonchat</groupId><artifactId>pylon-chat-processor</artifactId>"
            + "<version>" + version + "</version></path>; Gradle:"
            + " annotationProcessor(\"io.github.pylonchat:pylon-chat-processor:" + version
            + "\"); Kotlin: kapt with the same artifact");
      }
      pending.addAll(directSupertypes(candidate));
    }
    return Optional.empty();
  }

  /** The member of {@code type} itself that carries {@code @ChatEmail}: {@code email}, {@code getEmail()}. */
  private static Optional<String> emailMember(Class<?> type) {
    try {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(ChatEmail.class)) {
          return Optional.of(field.getName());
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(ChatEmail.class)) {
          return Optional.of(method.getName() + "()");
        }
      }
    } catch (LinkageError | RuntimeException unreadable) {
      // a member's type is missing at run time: nothing can be said about this class
    }
    return Optional.empty();
  }

  private static IllegalArgumentException noIdentity(Class<?> type) {
    Optional<String> missingAccessor = missingAccessorCause(type);
    if (missingAccessor.isPresent()) {
      return new IllegalArgumentException(
          type.getName() + " has no chat identity: " + missingAccessor.get());
    }
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

  private static Lookup find(Class<?> type) {
    Lookup own = load(type);
    if (own != Lookup.NONE) {
      return own;
    }
    Lookup chosen = Lookup.NONE;
    Class<?> chosenFrom = null;
    for (Class<?> supertype : directSupertypes(type)) {
      Lookup inherited = ACCESSORS.get(supertype);
      if (inherited.problem() != null) {
        return inherited;
      }
      if (inherited.accessor() == null) {
        continue;
      }
      if (chosen.accessor() == null) {
        chosen = inherited;
        chosenFrom = supertype;
      } else if (!sameEmail(chosen.modelType(), inherited.modelType())) {
        return Lookup.refused(type.getName() + " inherits a chat identity from both "
            + chosenFrom.getName() + " (read by " + chosen.accessor().getClass().getName()
            + ") and " + supertype.getName() + " (read by "
            + inherited.accessor().getClass().getName() + "), each with its own @ChatEmail:"
            + " which email is signed must not depend on the order of extends and implements;"
            + " keep @ChatEmail in only one of these type hierarchies");
      }
    }
    return chosen;
  }

  /** The superclass (unless Object) and then the interfaces, in declaration order. */
  private static List<Class<?>> directSupertypes(Class<?> type) {
    List<Class<?>> supertypes = new ArrayList<>();
    Class<?> superclass = type.getSuperclass();
    if (superclass != null && superclass != Object.class) {
      supertypes.add(superclass);
    }
    supertypes.addAll(Arrays.asList(type.getInterfaces()));
    return supertypes;
  }

  /**
   * Whether the accessors generated for {@code a} and {@code b} read the same {@code @ChatEmail}.
   * Each annotated type has exactly one in its hierarchy (the processor checks that), so they do
   * if and only if a common supertype of both (or one of them) has a chat identity: its email is
   * in both hierarchies.
   */
  private static boolean sameEmail(Class<?> a, Class<?> b) {
    Deque<Class<?>> pending = new ArrayDeque<>(List.of(a));
    while (!pending.isEmpty()) {
      Class<?> candidate = pending.pop();
      if (candidate.isAssignableFrom(b) && ACCESSORS.get(candidate).accessor() != null) {
        return true;
      }
      pending.addAll(directSupertypes(candidate));
    }
    return false;
  }

  private static Lookup load(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null || type.isArray() || type.isPrimitive() || type.isAnonymousClass()
        || type.isLocalClass() || type.isSynthetic()) {
      return Lookup.NONE; // JDK types and types a processor cannot name have no accessor
    }
    String name = accessorName(type);
    Class<?> generated;
    try {
      generated = Class.forName(name, true, loader);
    } catch (ClassNotFoundException | LinkageError notGenerated) {
      return Lookup.NONE;
    }
    ChatIdentityAccessor<?> accessor = null;
    try {
      Field instance = generated.getField(INSTANCE_FIELD);
      if (Modifier.isStatic(instance.getModifiers())
          && instance.get(null) instanceof ChatIdentityAccessor<?> found) {
        accessor = found;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // the problem below
    }
    if (accessor != null) {
      Class<?> modelType = accessor.modelType();
      if (modelType == null || !modelType.isAssignableFrom(type)) {
        return Lookup.refused(name + " is the accessor of " + nameOf(modelType) + ", not of "
            + nameOf(type) + ", whose name maps to the same accessor name: rename one of the two"
            + " classes");
      }
      return new Lookup(accessor, modelType, null);
    }
    return Lookup.refused(
        name + " exists but is not a pylon-chat generated accessor (no public static INSTANCE"
            + " implementing ChatIdentityAccessor): rename that class, or rebuild so that"
            + " pylon-chat-processor regenerates it");
  }

  private static String nameOf(Class<?> type) {
    return type == null ? "null" : type.getCanonicalName() != null ? type.getCanonicalName()
        : type.getName();
  }

  /** The version of this runtime, which the processor must have too; read once, when needed. */
  private static final class RuntimeVersion {
    static final String VERSION = read();

    private static String read() {
      Properties pom = new Properties();
      try (InputStream in = ChatIdentities.class.getResourceAsStream(
          "/META-INF/maven/io.github.pylonchat/pylon-chat-runtime/pom.properties")) {
        if (in != null) {
          pom.load(in);
        }
      } catch (IOException | IllegalArgumentException unreadable) {
        // then the text below
      }
      return pom.getProperty("version", "the version of pylon-chat-runtime");
    }
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
