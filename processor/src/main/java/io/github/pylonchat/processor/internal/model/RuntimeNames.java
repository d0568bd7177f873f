package io.github.pylonchat.processor.internal.model;

/**
 * The names of the pylon-chat-runtime types that the processor reads and the generated code uses.
 * Written as text, not class literals, so that the processor jar needs nothing at compile time
 * but itself: it declares no dependencies and cannot clash with another processor on {@code
 * annotationProcessorPaths}. {@code RuntimeNamesTest} checks every name against the runtime.
 */
public final class RuntimeNames {
  /** The runtime's package, where the annotations live. */
  public static final String PACKAGE = "io.github.pylonchat";
  /** {@code io.github.pylonchat.ChatIdentityAccessor}, which generated accessors implement. */
  public static final String CHAT_IDENTITY_ACCESSOR = PACKAGE + ".ChatIdentityAccessor";
  /** {@code io.github.pylonchat.ChatProfile}, which generated accessors return. */
  public static final String CHAT_PROFILE = PACKAGE + ".ChatProfile";
  /** {@code io.github.pylonchat.ChatIdentities}, which finds generated accessors. */
  public static final String CHAT_IDENTITIES = PACKAGE + ".ChatIdentities";

  private RuntimeNames() {}
}
