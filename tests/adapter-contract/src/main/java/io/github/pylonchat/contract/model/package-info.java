/**
 * User models as an application writes them, compiled with pylon-chat-processor on the
 * annotationProcessorPaths, so that every adapter's contract test reads them through generated
 * accessors as a user's build does.
 */
package io.github.pylonchat.contract.model;
