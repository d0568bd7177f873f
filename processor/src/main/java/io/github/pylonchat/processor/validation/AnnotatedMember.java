package io.github.pylonchat.processor.validation;

import io.github.pylonchat.processor.model.AccessorNames;
import io.github.pylonchat.processor.model.Property;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * One annotation of ours on one member: a field, a method or a record component.
 *
 * @param property which annotation
 * @param element the annotated member
 * @param annotation the annotation, so that errors point at it
 */
record AnnotatedMember(Property property, Element element, AnnotationMirror annotation) {

  /** The type that declares the member. */
  TypeElement declaringType() {
    return (TypeElement) element.getEnclosingElement();
  }

  /** How messages name the member in its own type: {@code email} or {@code getEmail()}. */
  String name() {
    return element.getKind() == ElementKind.METHOD ? element + "" : element.getSimpleName() + "";
  }

  /** How messages name the member from another type: {@code User.getEmail()}. */
  String qualifiedName() {
    return AccessorNames.nestedName(declaringType()) + "." + name();
  }

  /**
   * The annotated members that {@code type} itself declares, in source order. A record
   * component's annotation is also copied by javac onto the component's private field and
   * implicit accessor; those copies are skipped so that each annotation is seen once, on the
   * component.
   */
  static List<AnnotatedMember> declaredIn(TypeElement type) {
    boolean record = type.getKind() == ElementKind.RECORD;
    List<AnnotatedMember> members = new ArrayList<>();
    for (Element element : type.getEnclosedElements()) {
      ElementKind kind = element.getKind();
      boolean member =
          kind == ElementKind.FIELD || kind == ElementKind.METHOD
              || kind == ElementKind.RECORD_COMPONENT;
      boolean componentField =
          record && kind == ElementKind.FIELD && !element.getModifiers().contains(Modifier.STATIC);
      if (!member || componentField) {
        continue;
      }
      for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
        String name =
            ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName() + "";
        Property.forAnnotation(name)
            .filter(property -> !(record && isAccessorOfAnnotatedComponent(type, element, property)))
            .ifPresent(property -> members.add(new AnnotatedMember(property, element, annotation)));
      }
    }
    return members;
  }

  private static boolean isAccessorOfAnnotatedComponent(
      TypeElement record, Element method, Property property) {
    if (!(method instanceof ExecutableElement)) {
      return false;
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (method.equals(component.getAccessor())
          && component.getAnnotationMirrors().stream()
              .anyMatch(a -> ((TypeElement) a.getAnnotationType().asElement())
                  .getQualifiedName().contentEquals(property.annotationName()))) {
        return true;
      }
    }
    return false;
  }
}
