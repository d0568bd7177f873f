package io.github.pylonchat.benchmarks;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.benchmarks.model.Member;
import io.github.pylonchat.benchmarks.model.MemberChatIdentity;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * User object to chat profile: through the runtime lookup ({@link ChatIdentities}) against calling
 * the generated {@code MemberChatIdentity} directly. Goal: within 2x of the direct call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LookupBenchmark {
  /** What an ORM hands out instead of the entity: a runtime subclass without its own accessor. */
  public static class MemberProxy extends Member {
    /** A proxy of the member with these values. */
    public MemberProxy(long id, String email, String displayName, String teamId) {
      super(id, email, displayName, teamId);
    }
  }

  private Member member;
  private Member proxy;

  /** Makes the users and warms the lookup cache, as the first page view does. */
  @Setup
  public void setUp() {
    member = new Member(4711, "ada.lovelace@example.com", "Ada Lovelace", "acme-analytical-engines");
    proxy = new MemberProxy(4711, "ada.lovelace@example.com", "Ada Lovelace", "acme-analytical-engines");
    ChatIdentities.profileOf(member);
    ChatIdentities.profileOf(proxy);
  }

  /** The generated accessor called directly, as code that knows the user's type could. */
  @Benchmark
  public ChatProfile direct() {
    return MemberChatIdentity.INSTANCE.profile(member);
  }

  /** {@code ChatIdentities.profileOf(user)}, what the widget does for any user object. */
  @Benchmark
  public ChatProfile profileOf() {
    return ChatIdentities.profileOf(member);
  }

  /** {@code ChatIdentities.profileOf(proxy)} for a subclass found through its superclass. */
  @Benchmark
  public ChatProfile profileOfSubclass() {
    return ChatIdentities.profileOf(proxy);
  }

  /** The lookup alone: {@code ChatIdentities.accessorFor(user.getClass())}. */
  @Benchmark
  public ChatIdentityAccessor<?> accessorFor() {
    return ChatIdentities.accessorFor(member.getClass());
  }
}
