package io.github.pylonchat;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.MacSpi;

/**
 * A security provider that stands in for a FIPS one: its {@code HmacSHA256} is the JDK's, counted,
 * so a test sees whether the hasher really uses the provider's {@code Mac}. Its {@code Mac} is
 * cloneable or not, as asked.
 */
final class CountingHmacProvider extends Provider {
  private static final long serialVersionUID = 1L;

  /** {@code Mac}s made through {@code Mac.getInstance} (clones not included). */
  final AtomicInteger macsMade = new AtomicInteger();
  /** HMACs finished ({@code doFinal}) by any of its {@code Mac}s or their clones. */
  final AtomicInteger hmacsDone = new AtomicInteger();

  CountingHmacProvider(String name, boolean cloneable) {
    super(name, "1.0", "HmacSHA256 of the JDK, counted, " + (cloneable ? "cloneable" : "not cloneable"));
    putService(new Service(this, "Mac", "HmacSHA256", Spi.class.getName(), null, null) {
      @Override
      public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
        macsMade.incrementAndGet();
        Mac jdk = Mac.getInstance("HmacSHA256", Security.getProvider("SunJCE"));
        return cloneable ? new CloneableSpi(jdk, hmacsDone) : new Spi(jdk, hmacsDone);
      }
    });
  }

  /** Not {@link Cloneable}: {@code MacSpi.clone()} throws {@code CloneNotSupportedException}. */
  static class Spi extends MacSpi {
    Mac delegate;
    private final AtomicInteger done;

    Spi(Mac delegate, AtomicInteger done) {
      this.delegate = delegate;
      this.done = done;
    }

    @Override
    protected int engineGetMacLength() {
      return delegate.getMacLength();
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params)
        throws InvalidKeyException, InvalidAlgorithmParameterException {
      delegate.init(key, params);
    }

    @Override
    protected void engineUpdate(byte input) {
      delegate.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      delegate.update(input, offset, len);
    }

    @Override
    protected byte[] engineDoFinal() {
      done.incrementAndGet();
      return delegate.doFinal();
    }

    @Override
    protected void engineReset() {
      delegate.reset();
    }
  }

  static final class CloneableSpi extends Spi implements Cloneable {
    CloneableSpi(Mac delegate, AtomicInteger done) {
      super(delegate, done);
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
      CloneableSpi copy = (CloneableSpi) super.clone();
      copy.delegate = (Mac) delegate.clone();
      return copy;
    }
  }
}
