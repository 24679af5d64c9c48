package pneumatic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A pipeline whose step types another processor generates is set aside until that processor has
 * run, then wired as if the types had always been there.
 */
class DeferralTest {

    /** Writes one source file in its first round, as AutoValue or Immutables would. */
    private static final class GeneratesSource extends AbstractProcessor {
        private final String name;
        private final String text;
        private boolean written;

        GeneratesSource(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                    out.write(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    private static final JavaFileObject USES_PAYLOAD = JavaFileObjects.forSourceLines("fixtures.Carry",
            "package fixtures;",
            "import java.util.List;",
            "import pneumatic.*;",
            "@Pipeline",
            "public interface Carry {",
            "    @Source List<Payload> payloads();",
            "    @Stage String text(Payload payload);",
            "    @Sink void print(String text);",
            "}");

    @Test
    void aPipelineWaitsForTheTypesAnotherProcessorGenerates() {
        Compilation compilation = Compiler.javac()
                // A "*" processor runs in a round only while some annotation is unclaimed; the
                // Pipeline processor claims its own, so this stand-in for AutoValue goes first
                // (AutoValue itself supports @AutoValue, and runs in any order).
                .withProcessors(new GeneratesSource("fixtures.Payload",
                                "package fixtures;\npublic record Payload(String text) {}\n"),
                        new PipelineProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(USES_PAYLOAD);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fixtures.CarryWiring").contentsAsUtf8String()
                .contains("Channel<Payload> toText = run.channel(256);");
    }

    private static final JavaFileObject PLAIN = JavaFileObjects.forSourceLines("fixtures.Plain",
            "package fixtures;",
            "import java.util.List;",
            "import pneumatic.*;",
            "@Pipeline",
            "public interface Plain {",
            "    @Source List<String> lines();",
            "    @Sink void print(String line);",
            "}");

    private static final JavaFileObject NAMED_LIKE_PLAINS_WIRING = JavaFileObjects.forSourceLines("fixtures.Later",
            "package fixtures;",
            "import java.util.List;",
            "import pneumatic.*;",
            "@Pipeline(name = \"PlainWiring\")",
            "public interface Later {",
            "    @Source List<Payload> payloads();",
            "    @Sink void print(Payload payload);",
            "}");

    /**
     * A pipeline set aside until a later round, whose wiring would have the name of one written in
     * an earlier round, is told whose wiring that is (not only that a type of that name exists).
     */
    @Test
    void aPipelineOfALaterRoundIsToldWhichPipelinesWiringHasItsName() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new GeneratesSource("fixtures.Payload",
                                "package fixtures;\npublic record Payload(String text) {}\n"),
                        new PipelineProcessor())
                .compile(PLAIN, NAMED_LIKE_PLAINS_WIRING);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class fixtures.PlainWiring of"
                        + " Later cannot be generated: that is also the name of the wiring class of Plain; choose"
                        + " another name for one of them with @Pipeline(name = \"...\")")
                .inFile(NAMED_LIKE_PLAINS_WIRING).onLineContaining("@Pipeline(name = \"PlainWiring\")");
        assertThat(compilation).hadErrorCount(1);
    }

    private static final JavaFileObject EXTENDS_GENERATED = JavaFileObjects.forSourceLines("fixtures.Extending",
            "package fixtures;",
            "import java.util.List;",
            "import pneumatic.*;",
            "@Pipeline",
            "public interface Extending extends GeneratedSteps {",
            "    @Source List<String> lines();",
            "    @Sink void print(String line);",
            "}");

    /**
     * A superinterface that another processor generates is waited for too: once it exists, the
     * abstract method it brings, which no step would run, is reported ({@code [Pipeline/Inherited]}).
     * Judged in the first round instead, the interface looked valid and compiled without an error.
     */
    @Test
    void aPipelineWaitsForAGeneratedSuperinterfaceBeforeJudgingWhatItInherits() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new GeneratesSource("fixtures.GeneratedSteps",
                                "package fixtures;\npublic interface GeneratedSteps { void audit(String line); }\n"),
                        new PipelineProcessor())
                .compile(EXTENDS_GENERATED);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/Inherited] Extending inherits the abstract method"
                + " audit(String) from GeneratedSteps");
        assertThat(compilation).hadErrorCount(1);
    }
}
