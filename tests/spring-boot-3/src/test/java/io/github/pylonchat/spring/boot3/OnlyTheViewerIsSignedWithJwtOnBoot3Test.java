package io.github.pylonchat.spring.boot3;

import io.github.pylonchat.spring.viewer.AbstractOnlyTheViewerIsSignedWithJwtTest;

/** The starter's {@link AbstractOnlyTheViewerIsSignedWithJwtTest} on Spring Boot 3.5. */
class OnlyTheViewerIsSignedWithJwtOnBoot3Test extends AbstractOnlyTheViewerIsSignedWithJwtTest {}
