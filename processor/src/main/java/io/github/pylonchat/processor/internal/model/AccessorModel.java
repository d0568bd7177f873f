package io.github.pylonchat.processor.internal.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writer needs to generate one {@code <Type>ChatIdentity}: the annotated model
 * type and how each present property is read. Always has {@link Property#EMAIL}.
 *
 * @param modelType the annotated type; also the originating element of the generated file
 * @param reads how each present property is read, in {@link Property} order
 */
public record AccessorModel(TypeElement modelType, Map<Property, Read> reads) {
  /** Copies {@code reads} and checks that the email is among them. */
  public AccessorModel {
    if (!reads.containsKey(Property.EMAIL)) {
      throw new IllegalArgumentException(modelType + " has no email property");
    }
    reads = Collections.unmodifiableMap(new EnumMap<>(reads));
  }
}
