package io.github.pylonchat.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One render of the shop page of {@link RenderingBenchmark} in Thymeleaf (see
 * {@link ThymeleafLayoutPages}) with {@code <pylon:chat/>}, and with the widget written by hand
 * from precomputed values (the floor). Goal: the tag within 1.3x of the floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThymeleafRenderingBenchmark {
  private ThymeleafLayoutPages pages;
  private RecyclingWriter out;

  /** Sets up the engine once per trial. */
  @Setup
  public void setUp() {
    pages = new ThymeleafLayoutPages();
    out = new RecyclingWriter();
  }

  /** The page with {@code <pylon:chat/>}. */
  @Benchmark
  public int tag() {
    return render(ThymeleafLayoutPages.Variant.TAG);
  }

  /** The page with the widget written by hand from precomputed, pre-escaped values. */
  @Benchmark
  public int floor() {
    return render(ThymeleafLayoutPages.Variant.FLOOR);
  }

  private int render(ThymeleafLayoutPages.Variant variant) {
    pages.render(variant, out.reset());
    return out.length();
  }
}
