package io.github.pylonchat.processor.internal.validation;

import javax.lang.model.element.TypeElement;

/**
 * Tells whether the accessor of a supertype exists, so that a subtype's accessor can delegate
 * inherited properties to it.
 */
@FunctionalInterface
public interface SupertypeAccessors {
  /** The state of the accessor generated for {@code supertype}. */
  Status status(TypeElement supertype);

  /** The state of one supertype's accessor. */
  enum Status {
    /** It exists, or is generated in this compilation. */
    AVAILABLE,
    /** The supertype is invalid; it reports its own errors. */
    FAILED,
    /** The supertype waits for a type that a later round may generate. */
    PENDING,
    /** The supertype comes from the classpath, compiled without pylon-chat-processor. */
    MISSING
  }
}
