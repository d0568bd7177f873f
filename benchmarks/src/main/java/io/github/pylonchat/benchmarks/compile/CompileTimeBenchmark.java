package io.github.pylonchat.benchmarks.compile;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile-time cost of pylon-chat-processor: compiles the same generated model classes (see
 * {@link ModelSources}) in this JVM with javax.tools, once with the processor on the processor
 * path and once with an empty processor path (javac looks for processors and finds none, as in a
 * build without pylon-chat-processor), alternating, and prints the median times and their ratio.
 * The "with" time includes compiling the generated accessors. Wall time is the result; the CPU
 * time of the compiling thread is printed beside it, as it is less disturbed by other load.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.pylonchat.benchmarks.compile.CompileTimeBenchmark \
 *     --classpath runtime.jar --processor-path processor.jar:javapoet.jar:runtime.jar \
 *     [--classes 500] [--annotated 500] [--warmups 1] [--runs 5] [--json result.json]
 * </pre>
 */
public final class CompileTimeBenchmark {
  private static final String PROCESSOR_SERVICE = "META-INF/services/javax.annotation.processing.Processor";
  private static final String GENERATED_SUFFIX = "ChatIdentity.class";

  // javac runs on the calling thread; its CPU time is less disturbed by other load than wall time.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final String classpath;
  private final String processorPath;
  private final Path work;
  private final List<Path> sources;
  private final int classes;
  private final int annotated;

  private CompileTimeBenchmark(String classpath, String processorPath, Path work, int classes, int annotated)
      throws IOException {
    this.classpath = classpath;
    this.processorPath = processorPath;
    this.work = work;
    this.classes = classes;
    this.annotated = annotated;
    this.sources = ModelSources.write(work.resolve("src"), classes, annotated);
  }

  /** Runs the benchmark; see the class documentation for the arguments. Exits 2 on bad arguments. */
  public static void main(String[] args) throws IOException {
    String classpath = null;
    String processorPath = null;
    String json = null;
    int classes = 500;
    Integer annotated = null;
    int warmups = 1;
    int runs = 5;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--classpath" -> classpath = value;
        case "--processor-path" -> processorPath = value;
        case "--json" -> json = value;
        case "--classes" -> classes = Integer.parseInt(value);
        case "--annotated" -> annotated = Integer.parseInt(value);
        case "--warmups" -> warmups = Integer.parseInt(value);
        case "--runs" -> runs = Integer.parseInt(value);
        default -> usage("unknown argument " + args[i]);
      }
      i++;
    }
    if (classpath == null || processorPath == null) {
      usage("--classpath and --processor-path are required");
    }
    String missing = missingProcessor(processorPath);
    if (missing != null) {
      System.err.println("compile-time benchmark: " + missing);
      System.exit(1);
    }
    Path work = Files.createTempDirectory("pylon-chat-compile-benchmark");
    try {
      CompileTimeBenchmark benchmark = new CompileTimeBenchmark(
          classpath, processorPath, work, classes, annotated == null ? classes : annotated);
      benchmark.run(warmups, runs, json == null ? null : Path.of(json));
    } finally {
      deleteRecursively(work);
    }
  }

  private void run(int warmups, int runs, Path json) throws IOException {
    System.out.printf(Locale.ROOT, "compiling %d model classes (%d lines, %d annotated), %d warm-up + %d measured runs"
        + " each, alternating%n", classes, lineCount(), annotated, warmups, runs);
    List<Double> with = new ArrayList<>();
    List<Double> without = new ArrayList<>();
    List<Double> withCpu = new ArrayList<>();
    List<Double> withoutCpu = new ArrayList<>();
    for (int run = 0; run < warmups + runs; run++) {
      boolean measured = run >= warmups;
      // Alternate which goes first, so that neither always runs right after the other's garbage.
      for (boolean withProcessor : run % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
        Timing timing = compile(withProcessor, run);
        System.out.printf(Locale.ROOT, "  %s run %d %s processor: %.0f ms (javac thread CPU %.0f ms)%n",
            measured ? "measured" : "warm-up", run + 1, withProcessor ? "with" : "without",
            timing.wallMillis(), timing.cpuMillis());
        if (measured) {
          (withProcessor ? with : without).add(timing.wallMillis());
          (withProcessor ? withCpu : withoutCpu).add(timing.cpuMillis());
        }
      }
    }
    double medianWith = median(with);
    double medianWithout = median(without);
    System.out.printf(Locale.ROOT, "median with processor %.0f ms, without %.0f ms, ratio %.3f"
        + " (javac thread CPU time: ratio %.3f)%n",
        medianWith, medianWithout, medianWith / medianWithout, median(withCpu) / median(withoutCpu));
    if (json != null) {
      Files.writeString(json, String.format(Locale.ROOT,
          "{\"classes\": %d, \"annotated\": %d, \"lines\": %d, \"warmups\": %d, \"runs\": %d, \"withoutProcessorPath\": \"empty -processorpath\","
              + " \"withMs\": %s, \"withoutMs\": %s, \"medianWithMs\": %.1f, \"medianWithoutMs\": %.1f,"
              + " \"withCpuMs\": %s, \"withoutCpuMs\": %s}%n",
          classes, annotated, lineCount(), warmups, runs, jsonArray(with), jsonArray(without), medianWith, medianWithout,
          jsonArray(withCpu), jsonArray(withoutCpu)),
          StandardCharsets.UTF_8);
    }
  }

  private record Timing(double wallMillis, double cpuMillis) {}

  /** Compiles all sources into a fresh directory and returns the time it took. */
  private Timing compile(boolean withProcessor, int run) throws IOException {
    Path out = Files.createDirectories(work.resolve("out-" + run + (withProcessor ? "-with" : "-without")));
    Path generated = Files.createDirectories(out.resolve("generated-sources"));
    Path classesDir = Files.createDirectories(out.resolve("classes"));
    Path emptyProcessorPath = Files.createDirectories(work.resolve("no-processors"));
    List<String> options = List.of(
        "--release", "17", "-encoding", "UTF-8", "-nowarn", "-Xlint:none",
        "-classpath", classpath,
        "-processorpath", withProcessor ? processorPath : emptyProcessorPath.toString(),
        "-d", classesDir.toString(), "-s", generated.toString());
    StringWriter diagnostics = new StringWriter();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok = javac.getTask(diagnostics, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    Timing timing = new Timing((System.nanoTime() - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
    if (!ok) {
      throw new IllegalStateException("compilation " + (withProcessor ? "with" : "without")
          + " the processor failed:\n" + diagnostics);
    }
    long accessors = countFiles(classesDir, GENERATED_SUFFIX);
    long expected = withProcessor ? annotated : 0;
    if (accessors != expected) {
      throw new IllegalStateException("compilation " + (withProcessor ? "with" : "without") + " the processor made "
          + accessors + " *ChatIdentity classes instead of " + expected
          + "; check that --processor-path holds pylon-chat-processor and its dependencies");
    }
    deleteRecursively(out);
    return timing;
  }

  /** Null if some entry of the path registers an annotation processor, else what is wrong. */
  private static String missingProcessor(String processorPath) {
    for (String entry : processorPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path) && Files.exists(path.resolve(PROCESSOR_SERVICE))) {
        return null;
      }
      if (Files.isRegularFile(path)) {
        try (ZipFile jar = new ZipFile(path.toFile())) {
          if (jar.getEntry(PROCESSOR_SERVICE) != null) {
            return null;
          }
        } catch (IOException e) {
          return entry + " cannot be read as a jar (" + e.getMessage() + ")";
        }
      }
    }
    return "no entry of the processor path registers an annotation processor (" + PROCESSOR_SERVICE
        + "): " + processorPath + ". Build processor/ first (it must contain pylon-chat-processor)";
  }

  private long lineCount() throws IOException {
    long lines = 0;
    for (Path source : sources) {
      try (Stream<String> s = Files.lines(source)) {
        lines += s.count();
      }
    }
    return lines;
  }

  private static long countFiles(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    }
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String jsonArray(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", ", "[", "]"));
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static void usage(String problem) {
    System.err.println("compile-time benchmark: " + problem + "\nusage: CompileTimeBenchmark --classpath CP"
        + " --processor-path PP [--classes N] [--annotated N] [--warmups N] [--runs N] [--json FILE]");
    System.exit(2);
  }
}
