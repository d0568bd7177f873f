/**
 * The processor's implementation: not API, may change in any release. {@code model} describes
 * what to generate, {@code validation} turns annotated types into models or errors, {@code
 * writer} generates the sources. Only {@link io.github.pylonchat.processor.ChatIdentityProcessor},
 * the entry javac discovers, is public.
 */
package io.github.pylonchat.processor.internal;
