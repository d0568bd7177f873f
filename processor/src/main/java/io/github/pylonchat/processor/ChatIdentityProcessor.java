package io.github.pylonchat.processor;

import com.google.auto.service.AutoService;
import io.github.pylonchat.processor.internal.Message;
import io.github.pylonchat.processor.internal.model.AccessorNames;
import io.github.pylonchat.processor.internal.model.Property;
import io.github.pylonchat.processor.internal.validation.IdentityValidator;
import io.github.pylonchat.processor.internal.validation.LocalClassChecker;
import io.github.pylonchat.processor.internal.validation.Problem;
import io.github.pylonchat.processor.internal.validation.SupertypeAccessors.Status;
import io.github.pylonchat.processor.internal.validation.Validation;
import io.github.pylonchat.processor.internal.writer.AccessorWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Generates {@code <Type>ChatIdentity} for every type that declares {@code @ChatEmail} or a
 * companion annotation, and reports every misuse as a compile error with an id and a fix.
 *
 * <p>Used through {@code maven-compiler-plugin}'s {@code annotationProcessorPaths}:
 *
 * <pre>{@code
 * <path>
 *   <groupId>io.github.pylonchat</groupId>
 *   <artifactId>pylon-chat-processor</artifactId>
 *   <version>${pylon-chat.version}</version>
 * </path>
 * }</pre>
 *
 * <p>Each round: gather the types that declare an annotation (plus those deferred earlier),
 * validate each into a model, write it. A type whose hierarchy or annotated members are not
 * resolved yet waits for the next round and is reported only in the last one. The round's other
 * types, which javac does not show this processor, are checked for two inherited {@code
 * @ChatEmail} (through a superclass and an interface, say). An exception never reaches javac: it
 * is reported as {@code [ChatIdentityInternalError]} on the type.
 */
@AutoService(Processor.class)
public final class ChatIdentityProcessor extends AbstractProcessor {
  /** Outcome of a type that is done; deferred types have none yet. */
  private enum Outcome { GENERATED, FAILED }

  private final Set<String> sourceTypes = new HashSet<>();
  private final Map<String, Outcome> outcomes = new HashMap<>();
  private final Set<String> deferred = new LinkedHashSet<>();

  private Elements elements;
  private Messager messager;
  private IdentityValidator validator;
  private AccessorWriter writer;
  private boolean lastRound;

  /** Instantiated by javac through {@code META-INF/services}. */
  public ChatIdentityProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    elements = processingEnv.getElementUtils();
    messager = processingEnv.getMessager();
    validator = new IdentityValidator(elements, processingEnv.getTypeUtils());
    writer = new AccessorWriter(
        processingEnv.getFiler(), elements, ChatIdentityProcessor.class.getName());
    LocalClassChecker.install(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Arrays.stream(Property.values())
        .map(Property::annotationName)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    lastRound = roundEnv.processingOver();
    // Elements of earlier rounds are stale: deferred types are looked up again by name.
    Map<String, TypeElement> types = new LinkedHashMap<>();
    for (String name : deferred) {
      types.put(name, elements.getTypeElement(name));
    }
    deferred.clear();
    if (!annotations.isEmpty()) {
      TypeElement[] ours = annotations.toArray(TypeElement[]::new);
      for (Element member : roundEnv.getElementsAnnotatedWithAny(ours)) {
        if (member.getEnclosingElement() instanceof TypeElement type) {
          types.putIfAbsent(type.getQualifiedName().toString(), type);
        }
      }
    }
    sourceTypes.addAll(types.keySet());
    types.forEach(this::process);
    checkUnannotatedTypes(ElementFilter.typesIn(roundEnv.getRootElements()));
    return false;
  }

  /**
   * Reports the types of this round that declare no annotation yet inherit two emails: the
   * processor is not asked about them, so each new type is looked at once.
   */
  private void checkUnannotatedTypes(Iterable<TypeElement> types) {
    for (TypeElement type : types) {
      if (!sourceTypes.contains(type.getQualifiedName().toString())) {
        try {
          validator.checkInheritedEmails(type).ifPresent(this::report);
        } catch (RuntimeException | LinkageError e) {
          messager.printMessage(Diagnostic.Kind.ERROR, Message.internalError(type, e), type);
        }
      }
      checkUnannotatedTypes(ElementFilter.typesIn(type.getEnclosedElements()));
    }
  }

  /** Validates and writes one type, once; {@code null} if it is deferred. */
  private Outcome process(String name, TypeElement type) {
    Outcome done = outcomes.get(name);
    if (done != null) {
      return done;
    }
    Outcome outcome;
    try {
      outcome = generate(type);
    } catch (RuntimeException | LinkageError e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.internalError(name, e), type);
      outcome = Outcome.FAILED;
    }
    if (outcome == null) {
      deferred.add(name);
    } else {
      outcomes.put(name, outcome);
    }
    return outcome;
  }

  private Outcome generate(TypeElement type) {
    Validation validation = validator.validate(type, this::status);
    if (validation instanceof Validation.Valid valid) {
      try {
        writer.write(valid.model());
        return Outcome.GENERATED;
      } catch (IOException e) {
        messager.printMessage(Diagnostic.Kind.ERROR,
            Message.NOT_WRITTEN.format(AccessorWriter.accessorName(valid.model()), e.getMessage()),
            type);
        return Outcome.FAILED;
      }
    }
    if (validation instanceof Validation.Invalid invalid) {
      invalid.problems().forEach(this::report);
      return Outcome.FAILED;
    }
    if (!lastRound) {
      return null;
    }
    report(((Validation.Deferred) validation).ifNeverResolved());
    return Outcome.FAILED;
  }

  private void report(Problem problem) {
    messager.printMessage(
        Diagnostic.Kind.ERROR, problem.message(), problem.element(), problem.annotation());
  }

  /** Whether the accessor of {@code supertype} exists or is generated in this compilation. */
  private Status status(TypeElement supertype) {
    String name = supertype.getQualifiedName().toString();
    if (!sourceTypes.contains(name)) {
      return elements.getTypeElement(AccessorNames.qualifiedName(supertype)) != null
          ? Status.AVAILABLE
          : Status.MISSING;
    }
    Outcome outcome = process(name, supertype);
    if (outcome == null) {
      return Status.PENDING;
    }
    return outcome == Outcome.GENERATED ? Status.AVAILABLE : Status.FAILED;
  }
}
