package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatEmail
import io.github.pylonchat.ChatName

/** `@get:` puts the annotations on the getters, the only way for a property without a field. */
class Customer(@get:ChatEmail val email: String, private val first: String, private val last: String) {
    @get:ChatName
    val displayName: String
        get() = "$first $last"
}
