package io.github.pylonchat.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatEmail;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceProcessorSourceTest {
  @Test
  void theReferenceProcessorWritesACompilingAccessorForEachAnnotatedClassOnly(@TempDir Path dir) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = Path.of(ChatEmail.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String processorPath = ReferenceProcessorSource.compile(javac, dir.resolve("processor"), classpath);
    List<Path> sources = ModelSources.write(dir.resolve("src"), 6, 3);
    Path out = dir.resolve("out");

    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(diagnostics, files, null,
          // Named, as the test classpath (the processor loader's parent) also holds pylon-chat-processor.
          List.of("-processor", "reference.MinimalChatIdentityProcessor",
              "-classpath", classpath, "-processorpath", processorPath + File.pathSeparator + classpath,
              "-d", out.toString(), "-s", dir.resolve("generated").toString()),
          null, files.getJavaFileObjectsFromPaths(sources)).call();
      assertTrue(ok, diagnostics.toString());
    }
    try (Stream<Path> classes = Files.walk(out)) {
      List<String> accessors = classes.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith("ChatIdentity.class")).sorted().toList();
      assertEquals(List.of("Customer0ChatIdentity.class", "StaffMember1ChatIdentity.class",
          "TeamMember2ChatIdentity.class"), accessors);
    }
  }
}
