package pneumatic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every interface in {@code src/test/resources/good/} compiles under {@code -Xlint:all -Werror}
 * and generates exactly the text in {@code src/test/resources/expected/}, one file per generated
 * class, named after it.
 *
 * <p>After an intended change to the generated code, regenerate the expected files with
 * {@code mvn -pl processor test -Dtest=GoldenFilesTest -Dgolden.update=true}, then review the
 * diff like any other change.
 */
class GoldenFilesTest {

    private static final Path GOOD = Path.of("src/test/resources/good");
    private static final Path EXPECTED = Path.of("src/test/resources/expected");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> goodFixtures() throws IOException {
        try (Stream<Path> files = Files.list(GOOD)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFixtures")
    void generatesTheExpectedWiring(String fixture) throws IOException {
        Compilation compilation = Compiler.javac()
                .withProcessors(new PipelineProcessor())
                .withOptions("-Xlint:all", "-Werror")
                .compile(JavaFileObjects.forResource("good/" + fixture));
        assertThat(compilation).succeededWithoutWarnings();

        List<JavaFileObject> generated = compilation.generatedSourceFiles();
        assertFalse(generated.isEmpty(), "no wiring class generated for " + fixture);
        for (JavaFileObject file : generated) {
            String name = Path.of(file.toUri().getPath()).getFileName().toString();
            String actual = file.getCharContent(false).toString();
            Path expected = EXPECTED.resolve(name);
            if (UPDATE) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            } else {
                assertEquals(read(expected, fixture), actual,
                        name + " differs from " + expected + "; if the change is intended, rerun with"
                                + " -Dgolden.update=true and review the diff");
            }
        }
    }

    private static String read(Path expected, String fixture) {
        try {
            return Files.readString(expected, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no golden file " + expected + " for good/" + fixture
                    + "; create it with -Dgolden.update=true", e);
        }
    }
}
