package io.github.pylonchat.samples.springboot;

import io.github.pylonchat.samples.browsertest.AbstractBrowserEndToEndTest;

/** The FreeMarker sample in headless Chromium: {@link AbstractBrowserEndToEndTest} says what is checked. */
class BrowserEndToEndTest extends AbstractBrowserEndToEndTest {}
