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

    /** Writes {@code fixtures.Payload} in its first round, as AutoValue or Immutables would. */
    private static final class GeneratesPayload extends AbstractProcessor {
        private boolean written;

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
                try (Writer out = processingEnv.getFiler().createSourceFile("fixtures.Payload").openWriter()) {
                    out.write("package fixtures;\npublic record Payload(String text) {}\n");
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
                .withProcessors(new GeneratesPayload(), new PipelineProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(USES_PAYLOAD);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fixtures.CarryWiring").contentsAsUtf8String()
                .contains("Channel<Payload> toText = run.channel(256);");
    }
}
