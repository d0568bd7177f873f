package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatEmail
import io.github.pylonchat.ChatName

/** A JPA-style entity: a `lateinit var` field is as visible as its setter, public here, so it is read directly. */
class Person {
    @ChatEmail
    lateinit var email: String

    @ChatName
    var name: String? = null
}
