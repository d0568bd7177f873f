package io.github.pylonchat.spring.boot3;

import io.github.pylonchat.spring.viewer.AbstractOnlyTheViewerIsSignedWithEmailHashTest;

/** The starter's {@link AbstractOnlyTheViewerIsSignedWithEmailHashTest} on Spring Boot 3.5. */
class OnlyTheViewerIsSignedWithEmailHashOnBoot3Test extends AbstractOnlyTheViewerIsSignedWithEmailHashTest {}
