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
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
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
        "io.github.pylonchat.ChatAccountExternalId");
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
