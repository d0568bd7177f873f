package io.github.pylonchat.kotlintests.names

import io.github.pylonchat.ChatEmail
import io.github.pylonchat.ChatName

/** A model in a package that declares String, Class, Override and the runtime's type names. */
data class Pupil(@ChatEmail val email: kotlin.String, @ChatName val name: kotlin.String, val schoolClass: Class)

/** A model nested in a class that declares the same names as member types. */
class School {
    class String

    class Class

    class Override

    class ChatProfile

    data class Teacher(@ChatEmail val email: kotlin.String)
}
