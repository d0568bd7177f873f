package io.github.pylonchat.processor.internal.validation;

import io.github.pylonchat.processor.internal.Message;
import io.github.pylonchat.processor.internal.model.AccessorModel;
import io.github.pylonchat.processor.internal.model.AccessorNames;
import io.github.pylonchat.processor.internal.model.Property;
import io.github.pylonchat.processor.internal.model.Read;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns one type with annotated members into an {@link AccessorModel}, or into the problems
 * that prevent it.
 *
 * <p>Rules across a type hierarchy: the type itself, then its superclass chain, then its
 * interfaces in declaration order (the order in which {@code ChatIdentities} looks up
 * accessors at run time). Exactly one {@code @ChatEmail} in the whole hierarchy. Each companion
 * at most once per type; for an inherited companion the first type in that order that declares
 * it wins, so a subtype may redeclare (override) a companion of its supertype. Inherited
 * properties are read through the supertype's generated accessor.
 */
public final class IdentityValidator {
  private final MemberReader reader;

  /** A validator for one compilation. */
  public IdentityValidator(Elements elements, Types types) {
    this.reader = new MemberReader(elements, types);
  }

  /** Validates {@code type}, a type that declares at least one of the annotations. */
  public Validation validate(TypeElement type, SupertypeAccessors accessors) {
    List<AnnotatedMember> own = AnnotatedMember.declaredIn(type);
    if (own.isEmpty()) {
      throw new IllegalArgumentException(type + " declares none of the chat annotations");
    }
    List<TypeElement> hierarchy = new ArrayList<>();
    Optional<String> unresolved = collectHierarchy(type, new LinkedHashSet<>(), hierarchy)
        .or(() -> unresolvedMemberType(own));
    if (unresolved.isPresent()) {
      return deferred(type, own, unresolved.get());
    }

    List<Problem> problems = new ArrayList<>();
    privateEnclosingType(type).ifPresent(hidden -> own.forEach(member -> problems.add(
        member.problem(Message.PRIVATE_TYPE.format(member.property().display(),
            AccessorNames.nestedName(hidden), AccessorNames.simpleName(type),
            AccessorNames.nestedName(hidden))))));
    List<AnnotatedMember> inherited = hierarchy.stream()
        .skip(1)
        .flatMap(supertype -> AnnotatedMember.declaredIn(supertype).stream())
        .collect(Collectors.toList());
    Set<Property> repeated = EnumSet.noneOf(Property.class);
    checkEmails(type, own, inherited, problems, repeated);
    checkCompanionsOnce(type, own, problems, repeated);
    Map<AnnotatedMember, Read> ownReads = new HashMap<>();
    for (AnnotatedMember member : own) {
      // One of the repeated members is to be removed: how to read it is not the user's problem
      // yet, and a fix such as "add a getter" would be wrong for it.
      if (!repeated.contains(member.property())) {
        reader.read(member, problems::add).ifPresent(read -> ownReads.put(member, read));
      }
    }

    Map<Property, Read> reads = new EnumMap<>(Property.class);
    Set<TypeElement> missing = new HashSet<>();
    for (Property property : Property.values()) {
      Optional<AnnotatedMember> declared = first(own, property);
      if (declared.isPresent()) {
        Read read = ownReads.get(declared.get());
        if (read != null) {
          reads.put(property, read);
        }
        continue;
      }
      Optional<AnnotatedMember> inheritedMember = first(inherited, property);
      if (inheritedMember.isEmpty() || !problems.isEmpty()) {
        continue;
      }
      TypeElement supertype = inheritedMember.get().declaringType();
      switch (accessors.status(supertype)) {
        case AVAILABLE:
          reads.put(property, new Read.Inherited(supertype));
          break;
        case FAILED:
          return new Validation.Invalid(List.of());
        case PENDING:
          return deferred(type, own, AccessorNames.qualifiedName(supertype));
        case MISSING:
          if (missing.add(supertype)) {
            problems.add(own.get(0).problem(Message.SUPERTYPE_NOT_GENERATED.format(
                AccessorNames.nestedName(type), property.display(), supertype.getQualifiedName(),
                AccessorNames.qualifiedName(supertype), supertype.getQualifiedName())));
          }
          break;
        default:
          throw new IllegalStateException("unknown status of " + supertype);
      }
    }
    return problems.isEmpty()
        ? new Validation.Valid(new AccessorModel(type, reads))
        : new Validation.Invalid(problems);
  }

  /**
   * Checks {@code type}, which declares none of the annotations, for two inherited {@code
   * @ChatEmail}: through its superclass and an interface, or through two interfaces. {@code
   * ChatIdentities} refuses such a type at run time, so it is reported here, on the type. Empty
   * if it inherits at most one, or while a supertype is unresolved (javac reports that itself).
   */
  public Optional<Problem> checkInheritedEmails(TypeElement type) {
    int supertypes = type.getInterfaces().size();
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED
        && !((TypeElement) ((DeclaredType) superclass).asElement()).getQualifiedName()
            .contentEquals("java.lang.Object")) {
      supertypes++;
    }
    if (supertypes < 2) {
      return Optional.empty(); // one supertype: its own hierarchy was checked where it was compiled
    }
    List<TypeElement> hierarchy = new ArrayList<>();
    if (collectHierarchy(type, new LinkedHashSet<>(), hierarchy).isPresent()) {
      return Optional.empty();
    }
    List<AnnotatedMember> inherited = hierarchy.stream()
        .skip(1)
        .filter(supertype -> !supertype.getQualifiedName().toString().startsWith("java."))
        .flatMap(supertype -> AnnotatedMember.declaredIn(supertype).stream())
        .collect(Collectors.toList());
    List<Problem> problems = new ArrayList<>();
    checkEmails(type, List.of(), inherited, problems, EnumSet.noneOf(Property.class));
    return problems.stream().findFirst();
  }

  /**
   * Exactly one {@code @ChatEmail} in the hierarchy; without it, companions are errors. Adds
   * {@link Property#EMAIL} to {@code repeated} when there are more.
   */
  private static void checkEmails(TypeElement type, List<AnnotatedMember> own,
      List<AnnotatedMember> inherited, List<Problem> problems, Set<Property> repeated) {
    List<AnnotatedMember> emails = new ArrayList<>();
    own.stream().filter(m -> m.property() == Property.EMAIL).forEach(emails::add);
    inherited.stream().filter(m -> m.property() == Property.EMAIL).forEach(emails::add);
    String typeName = AccessorNames.nestedName(type);
    if (emails.isEmpty()) {
      own.forEach(companion -> problems.add(companion.problem(
          Message.EMAIL_MISSING.format(companion.property().display(), typeName))));
      return;
    }
    if (emails.size() > 1) {
      repeated.add(Property.EMAIL);
    }
    AnnotatedMember first = emails.get(0);
    boolean reported = false;
    for (AnnotatedMember other : emails.subList(1, emails.size())) {
      if (own.contains(other)) {
        problems.add(other.problem(Message.EMAIL_TWICE.format(
            typeName, where(type, first), where(type, other))));
        reported = true;
      }
    }
    if (emails.size() > 1 && !reported) {
      // both come from supertypes: point at the type's own first annotation, or at the type
      String message =
          Message.EMAIL_TWICE.format(typeName, where(type, first), where(type, emails.get(1)));
      problems.add(own.isEmpty() ? new Problem(type, null, message) : own.get(0).problem(message));
    }
  }

  /** Each companion at most once in {@code type}; adds those that are not to {@code repeated}. */
  private static void checkCompanionsOnce(TypeElement type, List<AnnotatedMember> own,
      List<Problem> problems, Set<Property> repeated) {
    for (Property property : Property.values()) {
      List<AnnotatedMember> declared =
          own.stream().filter(m -> m.property() == property).collect(Collectors.toList());
      if (property == Property.EMAIL || declared.size() < 2) {
        continue; // a second email is reported by checkEmails
      }
      repeated.add(property);
      for (AnnotatedMember other : declared.subList(1, declared.size())) {
        problems.add(other.problem(Message.COMPANION_TWICE.format(property.display(),
            AccessorNames.nestedName(type), declared.get(0).name(), other.name())));
      }
    }
  }

  /** A member as named in messages about {@code type}: own members by name, others qualified. */
  private static String where(TypeElement type, AnnotatedMember member) {
    return member.declaringType().equals(type) ? member.name() : member.qualifiedName();
  }

  private static Optional<AnnotatedMember> first(List<AnnotatedMember> members, Property p) {
    return members.stream().filter(m -> m.property() == p).findFirst();
  }

  /**
   * Adds {@code type}, its superclass chain, then its interfaces (depth first, each once) to
   * {@code hierarchy}; returns the first supertype that is not resolved yet.
   */
  private static Optional<String> collectHierarchy(
      TypeElement type, Set<TypeElement> seen, List<TypeElement> hierarchy) {
    if (!seen.add(type)) {
      return Optional.empty();
    }
    hierarchy.add(type);
    List<TypeMirror> supertypes = new ArrayList<>();
    supertypes.add(type.getSuperclass());
    supertypes.addAll(type.getInterfaces());
    for (TypeMirror supertype : supertypes) {
      if (supertype.getKind() == TypeKind.ERROR) {
        return Optional.of(supertype.toString());
      }
      if (supertype.getKind() == TypeKind.DECLARED) {
        Optional<String> unresolved = collectHierarchy(
            (TypeElement) ((DeclaredType) supertype).asElement(), seen, hierarchy);
        if (unresolved.isPresent()) {
          return unresolved;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> unresolvedMemberType(List<AnnotatedMember> own) {
    return own.stream()
        .map(member -> member.element() instanceof ExecutableElement method
            ? method.getReturnType() : member.element().asType())
        .filter(type -> type.getKind() == TypeKind.ERROR)
        .map(TypeMirror::toString)
        .findFirst();
  }

  /** The outermost private type that encloses (or is) {@code type}, if any. */
  private static Optional<TypeElement> privateEnclosingType(TypeElement type) {
    TypeElement hidden = null;
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement enclosing && e.getModifiers().contains(Modifier.PRIVATE)) {
        hidden = enclosing;
      }
    }
    return Optional.ofNullable(hidden);
  }

  private static Validation deferred(
      TypeElement type, List<AnnotatedMember> own, String unresolvedType) {
    return new Validation.Deferred(own.get(0).problem(
        Message.UNRESOLVED_TYPE.format(AccessorNames.qualifiedName(type), unresolvedType)));
  }
}
