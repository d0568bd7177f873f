/**
 * User models written as an application would write them; pylon-chat-processor generates their
 * {@code <Type>ChatIdentity} accessors during this module's build.
 */
package io.github.pylonchat.processortests;
