package io.github.pylonchat.benchmarks;

import java.io.Writer;

/**
 * An in-memory {@link Writer} that is emptied and reused between renders, so that the rendering
 * benchmarks measure the template, not the allocation of a new buffer. Not thread-safe.
 */
public final class RecyclingWriter extends Writer {
  private final StringBuilder text = new StringBuilder(16 * 1024);

  /** Empties the writer, keeping its buffer. */
  public RecyclingWriter reset() {
    text.setLength(0);
    return this;
  }

  /** Number of characters written since the last {@link #reset()}. */
  public int length() {
    return text.length();
  }

  /** The characters written since the last {@link #reset()}. */
  @Override
  public String toString() {
    return text.toString();
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
