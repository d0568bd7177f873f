package io.github.pylonchat.samples.thymeleaf;

import io.github.pylonchat.samples.browsertest.AbstractBrowserEndToEndTest;

/** The Thymeleaf sample in headless Chromium: {@link AbstractBrowserEndToEndTest} says what is checked. */
class BrowserEndToEndTest extends AbstractBrowserEndToEndTest {}
