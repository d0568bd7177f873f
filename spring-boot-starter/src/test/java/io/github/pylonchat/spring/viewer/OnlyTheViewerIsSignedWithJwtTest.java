package io.github.pylonchat.spring.viewer;

/** {@link AbstractOnlyTheViewerIsSignedWithJwtTest} on Spring Boot 4. */
class OnlyTheViewerIsSignedWithJwtTest extends AbstractOnlyTheViewerIsSignedWithJwtTest {}
