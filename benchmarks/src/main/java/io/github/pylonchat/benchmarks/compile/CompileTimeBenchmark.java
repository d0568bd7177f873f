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
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile-time cost of pylon-chat-processor: compiles the same generated model classes (see
 * {@link ModelSources}) in this JVM with javax.tools, with the processor on the processor path and
 * with an empty processor path (javac looks for processors and finds none, as in a build without
 * pylon-chat-processor), in turns, and prints the median times and their ratio. The "with" time
 * includes compiling the generated accessors. Wall time is the result; the CPU time of the
 * compiling thread is printed beside it, as it is less disturbed by other load.
 *
 * <p>With {@code --reference}, a third variant compiles with a minimal processor (see
 * {@link ReferenceProcessorSource}) that writes a small accessor per annotated class and does
 * nothing else: what javac itself charges for any processor that generates one class per model.
 * With {@code --compare-with PATH}, a fourth compiles with another build of pylon-chat-processor
 * (an earlier commit's, say), so that two builds are compared in the same run.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.pylonchat.benchmarks.compile.CompileTimeBenchmark \
 *     --classpath runtime.jar --processor-path processor.jar:runtime.jar \
 *     [--classes 500] [--annotated 500] [--warmups 1] [--runs 5] [--reference]
 *     [--compare-with other-processor.jar:runtime.jar] [--json result.json]
 * </pre>
 */
public final class CompileTimeBenchmark {
  private static final String PROCESSOR_SERVICE = "META-INF/services/javax.annotation.processing.Processor";
  private static final String GENERATED_SUFFIX = "ChatIdentity.class";
  // javac runs on the calling thread; its CPU time is less disturbed by other load than wall time.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What is on the processor path. */
  enum Variant {
    /** An empty processor path. */
    WITHOUT("without"),
    /** pylon-chat-processor and its dependencies. */
    WITH("with"),
    /** The minimal reference processor. */
    REFERENCE("reference"),
    /** Another build of pylon-chat-processor ({@code --compare-with}). */
    COMPARED("compared");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  private record Timing(double wallMillis, double cpuMillis) {}

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final String classpath;
  private final Map<Variant, String> processorPaths = new EnumMap<>(Variant.class);
  private final Path work;
  private final List<Path> sources;
  private final int classes;
  private final int annotated;

  private CompileTimeBenchmark(String classpath, String processorPath, boolean reference, String comparedPath,
      Path work, int classes, int annotated) throws IOException {
    this.classpath = classpath;
    this.work = work;
    this.classes = classes;
    this.annotated = annotated;
    this.sources = ModelSources.write(work.resolve("src"), classes, annotated);
    processorPaths.put(Variant.WITHOUT, Files.createDirectories(work.resolve("no-processors")).toString());
    processorPaths.put(Variant.WITH, processorPath);
    if (reference) {
      processorPaths.put(Variant.REFERENCE, ReferenceProcessorSource.compile(javac, work.resolve("reference-processor"),
          classpath) + File.pathSeparator + classpath);
    }
    if (comparedPath != null) {
      processorPaths.put(Variant.COMPARED, comparedPath);
    }
  }

  /** Runs the benchmark; see the class documentation for the arguments. Exits 2 on bad arguments. */
  public static void main(String[] args) throws IOException {
    String classpath = null;
    String processorPath = null;
    String json = null;
    String comparedPath = null;
    boolean reference = false;
    int classes = 500;
    Integer annotated = null;
    int warmups = 1;
    int runs = 5;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--reference")) {
        reference = true;
        continue;
      }
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--classpath" -> classpath = value;
        case "--processor-path" -> processorPath = value;
        case "--compare-with" -> comparedPath = value;
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
    if (missing == null && comparedPath != null) {
      missing = missingProcessor(comparedPath);
    }
    if (missing != null) {
      System.err.println("compile-time benchmark: " + missing);
      System.exit(1);
    }
    Path work = Files.createTempDirectory("pylon-chat-compile-benchmark");
    try {
      new CompileTimeBenchmark(classpath, processorPath, reference, comparedPath, work, classes,
          annotated == null ? classes : annotated)
          .run(warmups, runs, json == null ? null : Path.of(json));
    } finally {
      deleteRecursively(work);
    }
  }

  private void run(int warmups, int runs, Path json) throws IOException {
    System.out.printf(Locale.ROOT, "compiling %d model classes (%d lines, %d annotated), %d warm-up + %d measured runs"
        + " of each variant, in turns%n", classes, lineCount(), annotated, warmups, runs);
    Map<Variant, List<Timing>> timings = new EnumMap<>(Variant.class);
    List<Variant> order = new ArrayList<>(processorPaths.keySet());
    for (int run = 0; run < warmups + runs; run++) {
      boolean measured = run >= warmups;
      // Rotate the order, so that no variant always runs right after the same other one.
      for (Variant variant : order) {
        Timing timing = compile(variant, run);
        System.out.printf(Locale.ROOT, "  %s run %d %s processor: %.0f ms (javac thread CPU %.0f ms)%n",
            measured ? "measured" : "warm-up", run + 1, variant.label, timing.wallMillis(), timing.cpuMillis());
        if (measured) {
          timings.computeIfAbsent(variant, v -> new ArrayList<>()).add(timing);
        }
      }
      Collections.rotate(order, 1);
    }
    double without = median(wall(timings.get(Variant.WITHOUT)));
    for (Variant variant : timings.keySet()) {
      if (variant != Variant.WITHOUT) {
        double medianWall = median(wall(timings.get(variant)));
        System.out.printf(Locale.ROOT, "median %s processor %.0f ms, without %.0f ms: ratio %.3f (by javac thread CPU"
            + " time %.3f)%n", variant.label, medianWall, without, medianWall / without,
            median(cpu(timings.get(variant))) / median(cpu(timings.get(Variant.WITHOUT))));
      }
    }
    // The goals are about pylon-chat-processor against the minimal processor, by CPU time (javac's
    // own work for the generated files is in both); the range is that of the ratios within a turn.
    for (Variant baseline : List.of(Variant.REFERENCE, Variant.COMPARED)) {
      if (timings.containsKey(baseline)) {
        List<Double> ours = cpu(timings.get(Variant.WITH));
        List<Double> theirs = cpu(timings.get(baseline));
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
          paired.add(ours.get(i) / theirs.get(i));
        }
        System.out.printf(Locale.ROOT, "pylon-chat-processor / %s processor, by javac thread CPU time: %.3f"
            + " (turns %.3f-%.3f)%n", baseline.label, median(ours) / median(theirs), Collections.min(paired),
            Collections.max(paired));
      }
    }
    if (json != null) {
      String variants = timings.entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "\"%s\": {\"wallMs\": %s, \"cpuMs\": %s}",
              e.getKey().label, jsonArray(wall(e.getValue())), jsonArray(cpu(e.getValue()))))
          .collect(Collectors.joining(", "));
      Files.writeString(json, String.format(Locale.ROOT,
          "{\"classes\": %d, \"annotated\": %d, \"lines\": %d, \"warmups\": %d, \"runs\": %d,"
              + " \"withoutProcessorPath\": \"empty -processorpath\", \"variants\": {%s}}%n",
          classes, annotated, lineCount(), warmups, runs, variants), StandardCharsets.UTF_8);
    }
  }

  /** Compiles all sources into a fresh directory and returns the time it took. */
  private Timing compile(Variant variant, int run) throws IOException {
    Path out = Files.createDirectories(work.resolve("out-" + run + "-" + variant.label));
    Path generated = Files.createDirectories(out.resolve("generated-sources"));
    Path classesDir = Files.createDirectories(out.resolve("classes"));
    List<String> options = List.of(
        "--release", "17", "-encoding", "UTF-8", "-nowarn", "-Xlint:none",
        "-classpath", classpath,
        "-processorpath", processorPaths.get(variant),
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
      throw new IllegalStateException("compilation " + variant.label + " processor failed:\n" + diagnostics);
    }
    long accessors = countFiles(classesDir, GENERATED_SUFFIX);
    long expected = variant == Variant.WITHOUT ? 0 : annotated;
    if (accessors != expected) {
      throw new IllegalStateException("compilation " + variant.label + " processor made " + accessors
          + " *ChatIdentity classes instead of " + expected
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

  private static List<Double> wall(List<Timing> timings) {
    return timings.stream().map(Timing::wallMillis).toList();
  }

  private static List<Double> cpu(List<Timing> timings) {
    return timings.stream().map(Timing::cpuMillis).toList();
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
        + " --processor-path PP [--classes N] [--annotated N] [--warmups N] [--runs N] [--reference]"
        + " [--compare-with PP] [--json FILE]");
    System.exit(2);
  }
}
