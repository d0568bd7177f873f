package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatEmail
import io.github.pylonchat.ChatName

/**
 * A data class as most Kotlin models are written. Kotlin puts an annotation without use-site
 * target on the private backing field here (our annotations target Java fields and methods, not
 * parameters or Kotlin properties), so the processor reads the field through getEmail().
 */
data class Member(@ChatEmail val email: String, @ChatName val name: String)
