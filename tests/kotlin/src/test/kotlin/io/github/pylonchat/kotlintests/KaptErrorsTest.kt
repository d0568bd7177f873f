package io.github.pylonchat.kotlintests

import java.nio.file.Path
import org.jetbrains.kotlin.cli.common.ExitCode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * What a Kotlin user's build prints for mistakes: the processor's errors, each on the line of the
 * .kt file that has it, exactly as a Java user gets them.
 */
class KaptErrorsTest {
    @TempDir
    lateinit var dir: Path

    private fun compile(vararg sources: Pair<String, String>) = Kapt(dir).compile(*sources)

    @Test
    fun constructorPropertyIsReadThroughItsGetter() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                data class Member(@ChatEmail val email: String)
            """,
        )
        assertEquals(ExitCode.OK, result.exitCode, result.toString())
        assertEquals(listOf<String>(), result.errors)
        assertTrue(result.generatedSource("demo.MemberChatIdentity")!!.contains("return model.getEmail();"))
    }

    @Test
    fun propertyOfAnotherTypeIsAnErrorOnItsLine() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail
                import io.github.pylonchat.ChatName

                data class Member(
                    @ChatEmail val email: Int,
                    @ChatName val name: String,
                )
            """,
        )
        assertEquals(ExitCode.COMPILATION_ERROR, result.exitCode)
        assertEquals(
            listOf("Member.kt:7: [ChatNotString] @ChatEmail field email must be a String, but is int; change its type to String"),
            result.errors,
        )
        assertNull(result.generatedSource("demo.MemberChatIdentity"))
    }

    @Test
    fun twoEmailsInOneClassAreAnErrorWhateverTheirTargets() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Member(@ChatEmail val email: String) {
                    @get:ChatEmail
                    val login: String get() = email
                }
            """,
        )
        assertEquals(ExitCode.COMPILATION_ERROR, result.exitCode)
        assertEquals(
            listOf("Member.kt:7: [ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but Member has it on both email and getLogin(); remove one of them"),
            result.errors,
        )
    }

    @Test
    fun emailInSuperclassAndSubclassIsAnError() {
        val result = compile(
            "Person.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                open class Person(@ChatEmail val email: String)
            """,
            "Admin.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Admin(email: String, @ChatEmail val adminEmail: String) : Person(email)
            """,
        )
        assertEquals(
            listOf("Admin.kt:5: [ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but Admin has it on both adminEmail and Person.email; remove one of them"),
            result.errors,
        )
    }

    @Test
    fun privateConstructorPropertyHasNoGetterAndIsAnError() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Member(@ChatEmail private val email: String)
            """,
        )
        assertEquals(
            listOf("Member.kt:5: [ChatPrivateField] @ChatEmail field email must not be private; add a getter getEmail() or make the field package-private"),
            result.errors,
        )
    }

    @Test
    fun getterTargetOnPrivatePropertyIsDroppedByKotlinSoNothingIsGenerated() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Member(@get:ChatEmail private val email: String)
            """,
        )
        assertEquals(ExitCode.OK, result.exitCode, result.toString())
        assertNull(result.generatedSource("demo.MemberChatIdentity"))
    }
}
