package io.github.pylonchat.spring.viewer;

/** {@link AbstractOnlyTheViewerIsSignedWithEmailHashTest} on Spring Boot 4. */
class OnlyTheViewerIsSignedWithEmailHashTest extends AbstractOnlyTheViewerIsSignedWithEmailHashTest {}
