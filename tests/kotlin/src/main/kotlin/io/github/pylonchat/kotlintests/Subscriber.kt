package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatEmail
import io.github.pylonchat.ChatName

/** With `@JvmField` the field is public and is read directly. */
class Subscriber(@JvmField @ChatEmail val email: String, @JvmField @ChatName val name: String)
