package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatEmail
import io.github.pylonchat.processor.ChatIdentityProcessor
import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import org.jetbrains.kotlin.cli.common.ExitCode
import org.jetbrains.kotlin.cli.common.messages.CompilerMessageSeverity
import org.jetbrains.kotlin.cli.common.messages.CompilerMessageSourceLocation
import org.jetbrains.kotlin.cli.common.messages.MessageCollector
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler
import org.jetbrains.kotlin.config.Services

/**
 * Runs kapt with pylon-chat-processor on Kotlin sources inside this JVM, with the options of the
 * kapt execution in this module's pom (Java stubs of the Kotlin classes, javac's annotation
 * processing over them, diagnostics mapped back to the .kt lines): the errors a Kotlin user's
 * build prints, without starting Maven.
 */
internal class Kapt(private val dir: Path) {
    /** What one compilation printed and generated. */
    class Result(val exitCode: ExitCode, val diagnostics: List<Diagnostic>, private val generated: Path) {
        /** The errors as `File.kt:line: message` (first line of the message only). */
        val errors: List<String> get() = diagnostics.filter { it.severity.isError }.map { it.toString() }

        /** The Java source the processor generated for [qualifiedName], or null if there is none. */
        fun generatedSource(qualifiedName: String): String? =
            generated.resolve(qualifiedName.replace('.', '/') + ".java").takeIf(Files::exists)?.let(Files::readString)

        /** The names of every Java source the processor generated. */
        fun generatedSources(): List<String> =
            if (!Files.exists(generated)) {
                listOf()
            } else {
                Files.walk(generated).use { files ->
                    files.filter(Files::isRegularFile).map { generated.relativize(it).toString() }.toList()
                }
            }

        override fun toString() = "$exitCode $diagnostics"
    }

    /** One diagnostic; [location] is `File.kt:line` when it has one. */
    class Diagnostic(val severity: CompilerMessageSeverity, val location: String?, val message: String) {
        override fun toString() = if (location == null) message else "$location: $message"
    }

    /** Compiles [sources] (file name to Kotlin text) as one module. */
    fun compile(vararg sources: Pair<String, String>): Result {
        val sourceDir = Files.createDirectories(dir.resolve("src"))
        val files = sources.map { (name, text) -> Files.writeString(sourceDir.resolve(name), text.trimIndent() + "\n") }
        val generated = dir.resolve("generated")
        val diagnostics = mutableListOf<Diagnostic>()
        val collector = object : MessageCollector {
            override fun clear() = diagnostics.clear()

            override fun hasErrors() = diagnostics.any { it.severity.isError }

            override fun report(
                severity: CompilerMessageSeverity,
                message: String,
                location: CompilerMessageSourceLocation?,
            ) {
                if (severity != CompilerMessageSeverity.LOGGING && severity != CompilerMessageSeverity.OUTPUT) {
                    diagnostics += diagnostic(severity, message, location)
                }
            }
        }
        val kaptOption = { option: String -> listOf("-P", "plugin:org.jetbrains.kotlin.kapt3:$option") }
        val args = listOf(
            "-no-stdlib", "-no-reflect", "-jvm-target", "17",
            "-classpath", jarOf(KotlinVersion::class.java) + File.pathSeparator + jarOf(ChatEmail::class.java),
            "-d", dir.resolve("classes").toString(),
            "-Xplugin=" + jarOf(Class.forName("org.jetbrains.kotlin.kapt.KaptCommandLineProcessor")),
        ) +
            // what the kapt goal of kotlin-maven-plugin passes for this module's configuration
            kaptOption("aptMode=stubsAndApt") +
            kaptOption("mapDiagnosticLocations=true") +
            processorPath().flatMap { kaptOption("apclasspath=$it") } +
            kaptOption("apclasspath=" + jarOf(ChatEmail::class.java)) +
            kaptOption("sources=$generated") +
            kaptOption("classes=" + dir.resolve("kapt-classes")) +
            kaptOption("stubs=" + dir.resolve("stubs")) +
            files.map(Path::toString)
        val compiler = K2JVMCompiler()
        val arguments = compiler.createArguments().also { compiler.parseArguments(args.toTypedArray(), it) }
        return Result(compiler.exec(collector, Services.EMPTY, arguments), diagnostics.toList(), generated)
    }

    private companion object {
        /** javac's own format, in which kapt passes on the processor's messages: `/path/File.kt:6: error: text`. */
        val JAVAC_MESSAGE = Regex("""^.*?([^/\\]+):(\d+): (?:error|warning|note): (.*)""")

        fun diagnostic(
            severity: CompilerMessageSeverity,
            message: String,
            location: CompilerMessageSourceLocation?,
        ): Diagnostic {
            val firstLine = message.lineSequence().first()
            if (location != null) {
                return Diagnostic(severity, "${File(location.path).name}:${location.line}", firstLine)
            }
            val javac = JAVAC_MESSAGE.matchEntire(firstLine) ?: return Diagnostic(severity, null, firstLine)
            val (file, line, text) = javac.destructured
            return Diagnostic(severity, "$file:$line", text)
        }

        fun jarOf(type: Class<*>) = Path.of(type.protectionDomain.codeSource.location.toURI()).toString()

        /**
         * The processor jar alone, which holds its relocated JavaPoet, as a user's build has it. A
         * reactor build that stops before `package` (`mvn test`) has only the processor's classes
         * folder, without JavaPoet: then JavaPoet's own jar joins it.
         */
        fun processorPath(): List<String> {
            val processor = jarOf(ChatIdentityProcessor::class.java)
            return if (Files.isDirectory(Path.of(processor))) {
                listOf(processor, jarOf(Class.forName("com.palantir.javapoet.JavaFile")))
            } else {
                listOf(processor)
            }
        }
    }
}
