package io.github.pylonchat.spring.endpoint;

import com.sun.management.OperatingSystemMXBean;
import io.github.pylonchat.spring.endpoint.KeepAliveConnection.Answer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Sends a bounded number of {@code GET} requests over a fixed number of keep-alive connections to a
 * server on the loopback address, and checks every answer. Request {@code k} is {@code calls[k %
 * calls.size()]}; each connection takes the next {@code k} when it is free, so one connection
 * carries the cookies of every session in turn and a mix-up between sessions shows as a wrong
 * answer. It stops after {@code requests} requests or at {@code limit}, whichever comes first.
 */
final class LoadRun {
  /**
   * One kind of request.
   *
   * @param path what to get
   * @param cookie the session's {@code Cookie} header, or null
   * @param expected what a correct answer is
   * @param what names the call in error messages
   */
  record Call(String path, String cookie, Predicate<Answer> expected, String what) {}

  /**
   * What happened.
   *
   * @param completed answers received
   * @param nanos wall time from the first request to the last answer
   * @param cpuNanos CPU time of this JVM (server and client) meanwhile: unlike the wall time, hardly
   *     moved by other processes on a shared machine
   * @param errors wrong answers and failures, the first few of them described
   * @param errorCount how many there were
   */
  record Result(int completed, long nanos, long cpuNanos, List<String> errors, int errorCount) {
    double perSecond() {
      return completed * 1e9 / nanos;
    }

    double cpuMicrosPerRequest() {
      return cpuNanos / 1e3 / completed;
    }
  }

  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private LoadRun() {}

  static Result run(int port, List<Call> calls, int requests, int connections, Duration limit) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errorCount = new AtomicInteger();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    long cpuStart = OS.getProcessCpuTime();
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        done.add(threads.submit(() -> {
          try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            for (int k = next.getAndIncrement(); k < requests && System.nanoTime() < deadline; k = next.getAndIncrement()) {
              Call call = calls.get(k % calls.size());
              String problem;
              try {
                Answer answer = connection.get(call.path(), call.cookie());
                problem = call.expected().test(answer) ? null
                    : call.what() + " got " + answer.status() + " " + answer.body();
              } catch (Exception e) {
                connection.close();
                problem = call.what() + " failed: " + e;
              }
              completed.incrementAndGet();
              if (problem != null && errorCount.incrementAndGet() <= 5) {
                errors.add(problem);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> connection : done) {
        connection.get();
      }
    } finally {
      threads.shutdownNow();
    }
    return new Result(completed.get(), System.nanoTime() - start, OS.getProcessCpuTime() - cpuStart,
        List.copyOf(errors), errorCount.get());
  }
}
