package io.github.pylonchat.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.pylonchat.processor.Sources.generated;
import static io.github.pylonchat.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rounds, failures and build-tool integration of the processor. */
class ProcessingTest {
  private static final String IMPORTS = """
      import io.github.pylonchat.*;

      """;

  @Test
  void typeWhoseSuperclassIsGeneratedByAnotherProcessorWaitsForTheNextRound() {
    JavaFileObject user = source("com.acme.User", IMPORTS + """
        public class User extends GeneratedBase {
          @ChatName public String name;
        }
        """);
    Compilation compilation = javac()
        .withProcessors(
            new GeneratingProcessor("com.acme.GeneratedBase", """
                package com.acme;

                public class GeneratedBase {
                  @io.github.pylonchat.ChatEmail public String email;
                }
                """),
            new ChatIdentityProcessor())
        .compile(user);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.UserChatIdentity"))
        .contains("return GeneratedBaseChatIdentity.email(model);");
    assertThat(generated(compilation, "com.acme.GeneratedBaseChatIdentity"))
        .contains("return model.email;");
  }

  @Test
  void internalFailureIsReportedOnTheTypeAndOtherTypesAreStillProcessed() {
    JavaFileObject broken = source("com.acme.Broken", IMPORTS + """
        public class Broken {
          @ChatEmail Boom email;
        }
        class Boom {}
        """);
    JavaFileObject user = source("com.acme.User", IMPORTS + """
        public class User {
          @ChatEmail private String email;
        }
        """);
    // a Types that fails as a bug in the processor would, on Broken's member only
    Compilation compilation = javac()
        .withProcessors(new WrappedEnvironmentProcessor(env -> intercept(
            ProcessingEnvironment.class, env, "getTypeUtils", (method, args) -> intercept(
                Types.class, env.getTypeUtils(), "isSameType", (sameType, types) -> {
                  if (types[0].toString().equals("com.acme.Boom")) {
                    throw new IllegalStateException("simulated processor bug");
                  }
                  return sameType.invoke(env.getTypeUtils(), types);
                }))))
        .compile(broken, user);
    assertThat(compilation)
        .hadErrorContaining("[ChatIdentityInternalError] pylon-chat-processor failed on"
            + " com.acme.Broken; please report this with the stack trace:"
            + " java.lang.IllegalStateException: simulated processor bug")
        .inFile(broken)
        .onLineContaining("public class Broken");
    assertThat(compilation).hadErrorContaining("[ChatPrivateField]").inFile(user)
        .onLineContaining("private String email");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void everyGeneratedFileNamesTheAnnotatedTypeAsItsOnlyOriginatingElement() {
    List<String> created = new ArrayList<>();
    Compilation compilation = javac()
        .withProcessors(new WrappedEnvironmentProcessor(env -> intercept(
            ProcessingEnvironment.class, env, "getFiler", (getFiler, none) -> intercept(
                Filer.class, env.getFiler(), "createSourceFile", (create, args) -> {
                  Element[] origins = (Element[]) args[1];
                  created.add(args[0] + " from " + List.of(origins));
                  return create.invoke(env.getFiler(), args);
                }))))
        .compile(
            source("com.acme.User", IMPORTS + """
                public class User {
                  @ChatEmail public String email;
                }
                """),
            source("com.acme.Admin", IMPORTS + """
                public class Admin extends User {
                  @ChatName public String name;
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(created).containsExactly(
        "com.acme.UserChatIdentity from [com.acme.User]",
        "com.acme.AdminChatIdentity from [com.acme.Admin]");
  }

  private static final JavaFileObject LOCAL_CLASS = source("com.acme.Shop", IMPORTS + """
      public class Shop {
        Object guest() {
          class Guest {
            @ChatEmail String email;
          }
          return new Guest();
        }
      }
      """);

  @Test
  void localClassIsReportedThroughGradlesIncrementalEnvironment() {
    Compilation compilation = javac()
        .withProcessors(new WrappedEnvironmentProcessor(GradleLikeEnvironment::new))
        .compile(LOCAL_CLASS);
    assertThat(compilation).hadErrorContaining("[ChatLocalType] @ChatEmail must not be used in a"
        + " local or anonymous class").inFile(LOCAL_CLASS).onLineContaining("@ChatEmail");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void localClassIsReportedThroughAProxiedEnvironment() {
    // IntelliJ hands processors a java.lang.reflect.Proxy whose handler holds javac's environment
    Compilation compilation = javac()
        .withProcessors(new WrappedEnvironmentProcessor(env -> intercept(
            ProcessingEnvironment.class, env, "getOptions", (getOptions, none) -> Map.of())))
        .compile(LOCAL_CLASS);
    assertThat(compilation).hadErrorContaining("[ChatLocalType]")
        .inFile(LOCAL_CLASS).onLineContaining("@ChatEmail");
  }

  @Test
  void environmentThatHidesJavacsGivesOneNoteThatTheLocalClassCheckIsOff() {
    Compilation compilation = javac()
        .withProcessors(new WrappedEnvironmentProcessor(SupplierEnvironment::new))
        .compile(LOCAL_CLASS, source("com.acme.User", IMPORTS + """
            public class User {
              @ChatEmail public String email;
            }
            """));
    assertThat(compilation).succeeded();
    List<String> notes = compilation.notes().stream()
        .map(note -> note.getMessage(Locale.ROOT))
        .filter(note -> note.contains("ChatLocalType"))
        .collect(Collectors.toList());
    assertThat(notes).containsExactly("[ChatLocalTypeUnchecked] the [ChatLocalType] check is off"
        + " in this build: the processing environment " + SupplierEnvironment.class.getName()
        + " is not javac's and wraps none that is; annotations on members of local or anonymous"
        + " classes are not reported here (no accessor is generated for them), so keep annotated"
        + " classes out of method bodies; compiling with javac directly or through Maven or Gradle"
        + " runs the check");
  }

  @Test
  void processorIsDeclaredIsolatingForGradle() throws IOException {
    try (InputStream in = ChatIdentityProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo(ChatIdentityProcessor.class.getName() + ",isolating");
    }
  }

  @Test
  void processorIsRegisteredForJavacDiscovery() throws IOException {
    try (InputStream in = ChatIdentityProcessor.class.getResourceAsStream(
        "/META-INF/services/javax.annotation.processing.Processor")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo(ChatIdentityProcessor.class.getName());
    }
  }

  @Test
  void processorSupportsTheNewestSourceVersionAndOnlyTheChatAnnotations() {
    ChatIdentityProcessor processor = new ChatIdentityProcessor();
    assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    assertThat(processor.getSupportedAnnotationTypes()).containsExactly(
        "io.github.pylonchat.ChatEmail", "io.github.pylonchat.ChatName",
        "io.github.pylonchat.ChatAvatarUrl", "io.github.pylonchat.ChatAccountId",
        "io.github.pylonchat.ChatAccountExternalId", "io.github.pylonchat.ChatContactExternalId");
  }

  /** Replaces one method of {@code target}; every other call goes to {@code target}. */
  private static <T> T intercept(Class<T> type, T target, String methodName, Replacement body) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          try {
            return method.getName().equals(methodName)
                ? body.call(method, args)
                : method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }

  @FunctionalInterface
  private interface Replacement {
    Object call(java.lang.reflect.Method method, Object[] args) throws Throwable;
  }

  /** Runs the real processor with a processing environment changed by {@code wrap}. */
  private static final class WrappedEnvironmentProcessor extends AbstractProcessor {
    private final ChatIdentityProcessor delegate = new ChatIdentityProcessor();
    private final UnaryOperator<ProcessingEnvironment> wrap;

    WrappedEnvironmentProcessor(UnaryOperator<ProcessingEnvironment> wrap) {
      this.wrap = wrap;
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
      super.init(processingEnv);
      delegate.init(wrap.apply(processingEnv));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      return delegate.process(annotations, roundEnv);
    }
  }

  /**
   * Wraps the environment as Gradle's {@code IncrementalProcessingEnvironment} does: the real one
   * in a field named {@code delegate}.
   */
  private static class GradleLikeEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;

    GradleLikeEnvironment(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    ProcessingEnvironment delegate() {
      return delegate;
    }

    @Override
    public Map<String, String> getOptions() {
      return delegate().getOptions();
    }

    @Override
    public Messager getMessager() {
      return delegate().getMessager();
    }

    @Override
    public Filer getFiler() {
      return delegate().getFiler();
    }

    @Override
    public Elements getElementUtils() {
      return delegate().getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return delegate().getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return delegate().getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return delegate().getLocale();
    }
  }

  /** A wrapper that reaches javac's environment only through a {@link Supplier}: opaque. */
  private static final class SupplierEnvironment extends GradleLikeEnvironment {
    private final Supplier<ProcessingEnvironment> javac;

    SupplierEnvironment(ProcessingEnvironment delegate) {
      super(null);
      this.javac = () -> delegate;
    }

    @Override
    ProcessingEnvironment delegate() {
      return javac.get();
    }
  }

  /** Another processor: writes one source file in the first round. */
  private static final class GeneratingProcessor extends AbstractProcessor {
    private final String name;
    private final String code;
    private boolean written;

    GeneratingProcessor(String name, String code) {
      this.name = name;
      this.code = code;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      if (!written) {
        written = true;
        try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          out.write(code);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
