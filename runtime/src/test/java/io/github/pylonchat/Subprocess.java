package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the reference programs of the tests (python3, node, npm) with text on their standard input. */
final class Subprocess {
  private Subprocess() {}

  /**
   * Runs {@code command} in {@code dir} with {@code input} on stdin (its stderr goes to the test's)
   * and returns its output lines, asserting that it ends within 5 minutes with exit status 0.
   */
  static List<String> run(Path dir, String input, String... command) throws Exception {
    Path inputFile = Files.createTempFile(dir.toAbsolutePath(), "input", ".jsonl");
    Files.writeString(inputFile, input, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectInput(inputFile.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish");
    }
    Files.delete(inputFile);
    assertEquals(0, process.exitValue(), String.join(" ", command) + " failed");
    return output.lines().toList();
  }
}
