package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatAvatarUrl
import io.github.pylonchat.ChatEmail

/** `@field:` says explicitly what Kotlin does by default: the private field, read through its getter. */
class Employee(@field:ChatEmail val email: String, @field:ChatAvatarUrl val avatarUrl: String?)
