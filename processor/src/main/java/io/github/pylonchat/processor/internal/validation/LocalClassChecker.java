package io.github.pylonchat.processor.internal.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.github.pylonchat.processor.internal.Message;
import io.github.pylonchat.processor.internal.model.Property;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports the annotations on members of local and anonymous classes.
 *
 * <p>javac does not show annotation processors what is declared inside method bodies, so these
 * annotations would be silently ignored. This listener looks at each class once javac has
 * analyzed it, when local classes are resolved, and reports {@code [ChatLocalType]} on the
 * annotation. It needs javac's {@link JavacTask}; with another compiler it is not installed.
 * javac analyzes classes only if annotation processing reported no error, so this error shows up
 * once the others are fixed.
 */
public final class LocalClassChecker implements TaskListener {
  private final Trees trees;
  private final Set<String> reported = new HashSet<>();

  private LocalClassChecker(Trees trees) {
    this.trees = trees;
  }

  /** Registers the checker with the running javac; does nothing with other compilers. */
  public static void install(ProcessingEnvironment processingEnv) {
    try {
      JavacTask.instance(processingEnv)
          .addTaskListener(new LocalClassChecker(Trees.instance(processingEnv)));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      // another compiler, or a wrapped environment: local classes are not checked there
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    TreePath path = trees.getPath(event.getTypeElement());
    if (path == null) {
      return;
    }
    try {
      new Scanner(path.getCompilationUnit()).scan(path, null);
    } catch (RuntimeException e) {
      // a listener must not throw into javac either
      trees.printMessage(Diagnostic.Kind.ERROR, Message.internalError(event.getTypeElement(), e),
          path.getLeaf(), path.getCompilationUnit());
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void visitAnnotation(AnnotationTree annotation, Void unused) {
      property(annotation).ifPresent(property -> {
        // annotation -> modifiers -> declaration
        TreePath modifiers = getCurrentPath().getParentPath();
        Element member = modifiers == null || modifiers.getParentPath() == null
            ? null : trees.getElement(modifiers.getParentPath());
        long position = trees.getSourcePositions().getStartPosition(unit, annotation);
        if (member != null && isMember(member) && inLocalClass(member)
            && reported.add(unit.getSourceFile().toUri() + ":" + position)) {
          trees.printMessage(Diagnostic.Kind.ERROR,
              Message.LOCAL_TYPE.format(property.display()), annotation, unit);
        }
      });
      return super.visitAnnotation(annotation, unused);
    }

    private Optional<Property> property(AnnotationTree annotation) {
      Element type =
          trees.getElement(new TreePath(getCurrentPath(), annotation.getAnnotationType()));
      return type instanceof TypeElement annotationType
          ? Property.forAnnotation(annotationType.getQualifiedName().toString())
          : Optional.empty();
    }
  }

  private static boolean isMember(Element element) {
    ElementKind kind = element.getKind();
    return kind == ElementKind.FIELD || kind == ElementKind.METHOD
        || kind == ElementKind.RECORD_COMPONENT;
  }

  private static boolean inLocalClass(Element member) {
    for (Element e = member.getEnclosingElement(); e instanceof TypeElement type;
        e = e.getEnclosingElement()) {
      if (type.getNestingKind() == NestingKind.LOCAL
          || type.getNestingKind() == NestingKind.ANONYMOUS) {
        return true;
      }
    }
    return false;
  }
}
