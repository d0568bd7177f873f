package io.github.pylonchat.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.processor.internal.model.Property;
import io.github.pylonchat.processor.internal.model.RuntimeNames;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor names the runtime's types as text, so that its jar has no dependency; these names
 * must stay those of the runtime's classes.
 */
class RuntimeNamesTest {
  @Test
  void namesOfTheGeneratedCodesRuntimeTypesAreTheRuntimesClasses() {
    assertEquals(ChatIdentityAccessor.class.getName(), RuntimeNames.CHAT_IDENTITY_ACCESSOR);
    assertEquals(ChatProfile.class.getName(), RuntimeNames.CHAT_PROFILE);
    assertEquals(ChatIdentities.class.getName(), RuntimeNames.CHAT_IDENTITIES);
    assertEquals(ChatProfile.class.getPackageName(), RuntimeNames.PACKAGE);
  }

  @Test
  void everyPropertyNamesARuntimeAnnotationForMembers() throws ClassNotFoundException {
    for (Property property : Property.values()) {
      Class<?> annotation = Class.forName(property.annotationName());
      assertTrue(annotation.isAnnotation(), property.annotationName());
      assertEquals("@" + annotation.getSimpleName(), property.display());
      assertTrue(Arrays.asList(annotation.getAnnotation(Target.class).value()).contains(ElementType.FIELD),
          property.display());
    }
  }

  @Test
  void propertiesAreTheProfilesComponentsInOrder() {
    List<String> components = Arrays.stream(ChatProfile.class.getRecordComponents())
        .map(RecordComponent::getName).toList();
    List<String> accessors = Arrays.stream(Property.values()).map(Property::accessorMethod).toList();
    assertEquals(components, accessors, "one property per ChatProfile component, in order");
  }
}
