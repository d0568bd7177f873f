package io.github.pylonchat;

/**
 * Turns a model object into its {@link ChatProfile}. Implemented by the classes that
 * {@code pylon-chat-processor} generates ({@code <Type>ChatIdentity}); users do not implement it.
 *
 * <p>Each generated class exposes its accessor as {@code public static final INSTANCE}, which
 * {@link ChatIdentities} finds by the naming rule.
 *
 * @param <T> the annotated model type
 */
public interface ChatIdentityAccessor<T> {
  /**
   * The annotated class this accessor was generated for (the raw class of a generic one). {@link
   * ChatIdentities} checks it once per class, so that an accessor found by the naming rule is never
   * used for a class it cannot read: {@code Outer.Inner} and a top-level {@code Outer_Inner} both
   * map to {@code Outer_InnerChatIdentity}.
   *
   * <pre>{@code
   * UserChatIdentity.INSTANCE.modelType(); // User.class
   * }</pre>
   */
  Class<?> modelType();

  /**
   * Reads the annotated members of {@code model}.
   *
   * @throws IllegalArgumentException if the email is null or blank, or the avatar URL is not
   *     http(s) (see {@link ChatProfile})
   */
  ChatProfile profile(T model);
}
