package io.github.pylonchat.processor.internal.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.github.pylonchat.processor.internal.Message;
import io.github.pylonchat.processor.internal.model.Property;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports the annotations on members of local and anonymous classes.
 *
 * <p>javac does not show annotation processors what is declared inside method bodies, so these
 * annotations would be silently ignored. This listener looks at each class once javac has
 * analyzed it, when local classes are resolved, and reports {@code [ChatLocalType]} on the
 * annotation. javac analyzes classes only if annotation processing reported no error, so this
 * error shows up once the others are fixed.
 *
 * <p>It needs javac's own {@link ProcessingEnvironment}. Build tools may hand processors a
 * wrapper (Gradle's incremental processing, IntelliJ's proxy); like Lombok, the checker looks
 * through such wrappers for the environment they delegate to. When it finds none (another
 * compiler, or a wrapper it cannot see into) it prints one note that the check is off.
 *
 * <p>Only compilation units whose source text spells one of the annotations' simple names are
 * scanned: a unit cannot use {@code @ChatEmail}, imported or fully qualified, without writing
 * {@code ChatEmail}, unless it spells it with unicode escapes, so units with a {@code \}{@code u}
 * are scanned too.
 */
public final class LocalClassChecker implements TaskListener {
  private static final String JAVAC_ENVIRONMENT =
      "com.sun.tools.javac.processing.JavacProcessingEnvironment";
  /** Wrappers of wrappers are followed this deep, so that a cycle cannot loop forever. */
  private static final int MAX_WRAPPERS = 8;

  private final Trees trees;
  /**
   * The unit of the last class analysed, and whether it may use the annotations: javac analyses
   * each top-level class of a file separately, and the file's text need be read only once.
   */
  private CompilationUnitTree lastUnit;
  private boolean lastUnitMayUse;
  private final Set<String> reported = new HashSet<>();

  private LocalClassChecker(Trees trees) {
    this.trees = trees;
  }

  /**
   * Registers the checker with the running javac, found through any wrappers of {@code
   * processingEnv}; otherwise prints one note, through {@code processingEnv}'s messager, that
   * the check is off and why.
   */
  public static void install(ProcessingEnvironment processingEnv) {
    String why;
    try {
      Optional<ProcessingEnvironment> javac = javacEnvironment(processingEnv);
      if (javac.isPresent()) {
        JavacTask.instance(javac.get())
            .addTaskListener(new LocalClassChecker(Trees.instance(javac.get())));
        return;
      }
      why = "the processing environment " + processingEnv.getClass().getName()
          + " is not javac's and wraps none that is";
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      why = "javac's processing environment could not be reached through "
          + processingEnv.getClass().getName() + " (" + e + ")";
    }
    processingEnv.getMessager().printMessage(
        Diagnostic.Kind.NOTE, Message.LOCAL_TYPE_UNCHECKED.format(why));
  }

  /** {@code env} itself if it is javac's, else the javac environment that it wraps, if any. */
  private static Optional<ProcessingEnvironment> javacEnvironment(ProcessingEnvironment env)
      throws IllegalAccessException {
    ProcessingEnvironment current = env;
    for (int depth = 0; current != null && depth < MAX_WRAPPERS; depth++) {
      if (current.getClass().getName().equals(JAVAC_ENVIRONMENT)) {
        return Optional.of(current);
      }
      current = wrapped(current);
    }
    return Optional.empty();
  }

  /**
   * The environment that {@code wrapper} delegates to: the value of an instance field that holds
   * a {@link ProcessingEnvironment} (Gradle's {@code delegate}), in the wrapper or, for a {@link
   * Proxy}, in its invocation handler (IntelliJ's captured {@code delegateTo}). Null if none.
   */
  private static ProcessingEnvironment wrapped(ProcessingEnvironment wrapper)
      throws IllegalAccessException {
    Object holder = Proxy.isProxyClass(wrapper.getClass())
        ? Proxy.getInvocationHandler(wrapper) : wrapper;
    for (Class<?> type = holder.getClass(); type != null && type != Object.class;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        Class<?> declared = field.getType();
        boolean mayHold = ProcessingEnvironment.class.isAssignableFrom(declared)
            || declared.isAssignableFrom(ProcessingEnvironment.class);
        if (mayHold && !Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          if (field.get(holder) instanceof ProcessingEnvironment inner && inner != wrapper) {
            return inner;
          }
        }
      }
    }
    return null;
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    CompilationUnitTree unit = event.getCompilationUnit();
    if (unit != lastUnit) {
      lastUnit = unit;
      lastUnitMayUse = mayUseChatAnnotations(unit);
    }
    if (!lastUnitMayUse) {
      return;
    }
    Tree type = trees.getTree(event.getTypeElement());
    if (type == null) {
      return;
    }
    try {
      new Scanner(unit).scan(type, false);
    } catch (RuntimeException e) {
      // a listener must not throw into javac either
      trees.printMessage(
          Diagnostic.Kind.ERROR, Message.internalError(event.getTypeElement(), e), type, unit);
    }
  }

  /**
   * False only if the unit's source text spells none of the annotations' simple names and has no
   * unicode escape; true when the text cannot be read.
   */
  private static boolean mayUseChatAnnotations(CompilationUnitTree unit) {
    CharSequence text;
    try {
      text = unit.getSourceFile().getCharContent(false);
    } catch (IOException | RuntimeException unreadable) {
      return true;
    }
    int last = text.length() - 1;
    for (int i = 0; i < last; i++) {
      char c = text.charAt(i);
      if (c == '\\' && text.charAt(i + 1) == 'u'
          || c == 'C' && Property.forSimpleNameAt(text, i).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Walks one class without resolving anything until it meets an annotation with one of our
   * simple names on a member of a local or anonymous class. The argument says whether the
   * current tree is inside code (a method body, an initializer) or in a class declared there.
   */
  private final class Scanner extends TreeScanner<Void, Boolean> {
    private final CompilationUnitTree unit;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void visitClass(ClassTree type, Boolean local) {
      for (Tree member : type.getMembers()) {
        if (local && member instanceof VariableTree field) {
          check(field.getModifiers());
        } else if (local && member instanceof MethodTree method) {
          check(method.getModifiers());
        }
        scan(member, local);
      }
      return null;
    }

    @Override
    public Void visitMethod(MethodTree method, Boolean local) {
      return scan(method.getBody(), true);
    }

    @Override
    public Void visitVariable(VariableTree variable, Boolean local) {
      return scan(variable.getInitializer(), true);
    }

    @Override
    public Void visitBlock(BlockTree block, Boolean local) {
      return super.visitBlock(block, true); // an initializer block is code too
    }

    private void check(ModifiersTree modifiers) {
      for (AnnotationTree annotation : modifiers.getAnnotations()) {
        property(annotation).ifPresent(property -> {
          long position = trees.getSourcePositions().getStartPosition(unit, annotation);
          // a record component's annotation is also on its implicit field and accessor
          if (reported.add(unit.getSourceFile().toUri() + ":" + position)) {
            trees.printMessage(Diagnostic.Kind.ERROR,
                Message.LOCAL_TYPE.format(property.display()), annotation, unit);
          }
        });
      }
    }

    /** Resolves only annotations whose simple name is one of ours. */
    private Optional<Property> property(AnnotationTree annotation) {
      Tree name = annotation.getAnnotationType();
      // javac's Name decodes itself on every charAt: decode once
      String simpleName = (name instanceof MemberSelectTree select ? select.getIdentifier()
          : name instanceof IdentifierTree identifier ? identifier.getName() : "").toString();
      if (Property.forSimpleNameAt(simpleName, 0).isEmpty()) {
        return Optional.empty();
      }
      TreePath path = TreePath.getPath(unit, name);
      Element type = path == null ? null : trees.getElement(path);
      return type instanceof TypeElement annotationType
          ? Property.forAnnotation(annotationType.getQualifiedName().toString())
          : Optional.empty();
    }
  }
}
