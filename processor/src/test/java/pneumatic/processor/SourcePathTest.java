package pneumatic.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines compiled by the real javac with a source path, as Maven compiles them: javac then
 * finds the package's other files there, including those it was not given, which compile-testing's
 * in-memory compiles never show.
 */
class SourcePathTest {

    @TempDir
    Path temp;

    /**
     * A valid pipeline in a file named after none of its types compiles. The processor used to
     * list the package's members, which made javac read every file of the package from the source
     * path again and report "duplicate class" for each type of such a file.
     */
    @Test
    void compilesAPipelineInAFileNamedAfterNoneOfItsTypes() throws Exception {
        Path src = temp.resolve("src");
        Path pipelines = write(src.resolve("app/Pipelines.java"), """
                package app;

                import java.util.List;
                import pneumatic.Pipeline;
                import pneumatic.Sink;
                import pneumatic.Source;

                record Line(String text) {
                }

                @Pipeline
                interface Upper {
                    @Source List<Line> lines();

                    @Sink void print(Line line);
                }
                """);
        Path other = write(src.resolve("app/Other.java"), "package app;\n\nclass Other {\n}\n");
        // The wiring uses Upper from another file, which -Xlint:auxiliaryclass warns about (as
        // it would in any class): the README says so. Every other warning counts.
        compile(src, List.of("-Xlint:all,-auxiliaryclass", "-Werror"), pipelines, other);
        assertTrue(Files.exists(temp.resolve("classes/app/UpperWiring.class")), "no UpperWiring.class");
    }

    /**
     * A type of the pipeline's package named like a java.lang class, found only on the source
     * path (javac was not given its file), makes the wiring write that java.lang name qualified,
     * in a named package and in the unnamed one: written simply, it would mean the package's type.
     */
    @Test
    void qualifiesAJavaLangNameThatATypeOnlyOnTheSourcePathTakes() throws Exception {
        for (String pack : List.of("app", "")) {
            Path src = Files.createTempDirectory(temp, "src");
            String declaration = pack.isEmpty() ? "" : "package " + pack + ";\n\n";
            Path dir = pack.isEmpty() ? src : src.resolve(pack);
            write(dir.resolve("String.java"), declaration + "public final class String {\n}\n");
            Path greetings = write(dir.resolve("Greetings.java"), declaration + """
                    import pneumatic.Pipeline;
                    import pneumatic.Sink;
                    import pneumatic.Source;

                    @Pipeline
                    public interface Greetings {
                        @Source Iterable<java.lang.String> names();

                        @Sink void print(java.lang.String name);
                    }
                    """);
            // javac reads String.java from the source path, compiles it and says it was not
            // processed unless told to emit only classes for such files.
            compile(src, List.of("-Xlint:all", "-Werror", "-implicit:class"), greetings);
            Path wiring = temp.resolve("generated").resolve(pack).resolve("GreetingsWiring.java");
            String source = Files.readString(wiring, UTF_8);
            assertTrue(source.contains("Channel<java.lang.String>"), source);
        }
    }

    /** Compiles the files with {@code src} as the source path and asserts that javac said nothing. */
    private void compile(Path src, List<String> lint, Path... files) throws IOException, URISyntaxException {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path generated = Files.createDirectories(temp.resolve("generated"));
        List<String> options = new java.util.ArrayList<>(List.of("-sourcepath", src.toString(),
                "-classpath", runtime().toString(), "-d", classes.toString(), "-s", generated.toString()));
        options.addAll(lint);
        RealJavac.Outcome outcome = RealJavac.compile(options, files);
        assertEquals(List.of(), outcome.said());
        assertTrue(outcome.succeeded(), "javac failed");
    }

    /** The runtime's classes: its jar, or its class directory. */
    private static Path runtime() throws URISyntaxException {
        return Path.of(pneumatic.Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, UTF_8);
    }
}
