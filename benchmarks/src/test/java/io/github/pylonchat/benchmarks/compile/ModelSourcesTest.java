package io.github.pylonchat.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourcesTest {
  @Test
  void eachShapeOfModelClassIsAboutAHundredLinesAndCompilesWithAndWithoutAnnotations(@TempDir Path dir)
      throws Exception {
    List<Path> sources = ModelSources.write(dir.resolve("src"), 6, 3);
    for (Path source : sources) {
      long lines = Files.readAllLines(source).size();
      assertTrue(lines >= 90 && lines <= 130, source.getFileName() + " has " + lines + " lines");
    }
    for (int i = 0; i < sources.size(); i++) {
      String source = Files.readString(sources.get(i));
      assertEquals(i < 3, source.contains("@ChatEmail"), sources.get(i).getFileName().toString());
      assertEquals(i < 3, source.contains("io.github.pylonchat"), sources.get(i).getFileName().toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(diagnostics, files, null,
          List.of("-proc:none", "-classpath", System.getProperty("java.class.path"), "-d", dir.resolve("out").toString()),
          null, files.getJavaFileObjectsFromPaths(sources)).call();
      assertTrue(ok, diagnostics.toString());
    }
    assertEquals(6, sources.stream().map(Path::getFileName).distinct().count());
  }

  @Test
  void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertEquals(15.0, CompileTimeBenchmark.median(List.of(30.0, 10.0, 20.0, 5.0)));
    assertEquals(20.0, CompileTimeBenchmark.median(List.of(30.0, 10.0, 20.0)));
  }
}
