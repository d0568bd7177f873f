package io.github.pylonchat.benchmarks;

import freemarker.template.TemplateException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One render of a 5 KB page layout (see {@link LayoutPages}) with {@code <@pylonChat/>}, with the
 * widget written by hand from precomputed values (the floor) and written by hand hashing per
 * render (naive); and in JWT mode, the tag signing a token per render against the floor copying
 * one. Goals: the tag within 1.3x of the floor and faster than naive; in JWT mode, within 1.3x of
 * the floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderingBenchmark {
  private LayoutPages pages;
  private RecyclingWriter out;

  /** Loads the templates once per trial. */
  @Setup
  public void setUp() throws IOException {
    pages = new LayoutPages();
    out = new RecyclingWriter();
  }

  /** The page with {@code <@pylonChat/>}. */
  @Benchmark
  public int tag() throws IOException, TemplateException {
    return render(LayoutPages.Variant.TAG);
  }

  /** The page with the widget written by hand from precomputed, pre-escaped values. */
  @Benchmark
  public int floor() throws IOException, TemplateException {
    return render(LayoutPages.Variant.FLOOR);
  }

  /** The page with the widget written by hand, {@code ?js_string} and a new {@code Mac} per render. */
  @Benchmark
  public int naive() throws IOException, TemplateException {
    return render(LayoutPages.Variant.NAIVE);
  }

  /** The page with {@code <@pylonChat/>} in JWT mode: a token signed per render. */
  @Benchmark
  public int tagJwt() throws IOException, TemplateException {
    return render(LayoutPages.Variant.TAG_JWT);
  }

  /** The page in JWT mode written by hand from precomputed values, a token signed once among them. */
  @Benchmark
  public int floorJwt() throws IOException, TemplateException {
    return render(LayoutPages.Variant.FLOOR_JWT);
  }

  private int render(LayoutPages.Variant variant) throws IOException, TemplateException {
    pages.render(variant, out.reset());
    return out.length();
  }
}
