package io.github.pylonchat.jte;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Path;

/** The two ways an application runs JTE templates, over the test templates in {@code src/test/jte}. */
final class JteEngines {
  /** Templates that the build precompiled (jte-maven-plugin's "precompile" goal, see the pom). */
  static final TemplateEngine PRECOMPILED = TemplateEngine.createPrecompiled(Path.of("target/jte-test-classes"), ContentType.Html);

  private JteEngines() {}

  /** Templates in {@code directory}, compiled by JTE when first rendered (as in development). */
  static TemplateEngine dynamic(String directory, String classDirectory) {
    return TemplateEngine.create(new DirectoryCodeResolver(Path.of(directory)), Path.of("target", classDirectory), ContentType.Html);
  }
}
