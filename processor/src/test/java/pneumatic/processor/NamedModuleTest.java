package pneumatic.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline in a named module, compiled by the real javac under {@code -Xlint:all -Werror} with
 * the runtime's module on the module path, compiles whatever the module requires besides the
 * runtime. The runtime is an explicit module, so requiring it draws no {@code [requires-automatic]}
 * warning. The wiring is marked {@code @Generated} only where the module reads java.compiler, that
 * annotation's module; elsewhere the marker would not compile.
 */
class NamedModuleTest {

    private static final String RUNTIME_MODULE = "io.github.pneumatic.runtime";
    private static final String GENERATED_IMPORT = "import javax.annotation.processing.Generated;\n";
    private static final String GENERATED = "@Generated(\"pneumatic.processor.PipelineProcessor\")\n";

    private static final String PIPELINE = """
            package app;

            import pneumatic.Pipeline;
            import pneumatic.Sink;
            import pneumatic.Source;
            import pneumatic.Stage;

            @Pipeline
            public interface Greetings {
                @Source Iterable<String> names();

                @Stage String greet(String name);

                @Sink void print(String greeting);
            }
            """;

    @TempDir
    Path temp;

    @Test
    void leavesOutOnlyTheGeneratedMarkerWhereTheModuleDoesNotReadJavaCompiler() throws Exception {
        String unmarked = compileModule("requires " + RUNTIME_MODULE + ";");
        String marked = compileModule("requires " + RUNTIME_MODULE + ";", "requires static java.compiler;");
        assertFalse(unmarked.contains("@Generated") || unmarked.contains("javax.annotation"), unmarked);
        assertEquals(marked.replace(GENERATED_IMPORT, "").replace(GENERATED, ""), unmarked);
    }

    @Test
    void keepsTheGeneratedMarkerWhereTheModuleRequiresJavaCompilerStatically() throws Exception {
        String wiring = compileModule("requires " + RUNTIME_MODULE + ";", "requires static java.compiler;");
        assertTrue(wiring.contains(GENERATED_IMPORT) && wiring.contains(GENERATED), wiring);
    }

    @Test
    void keepsTheGeneratedMarkerWhereARequiredModuleRequiresJavaCompilerTransitively() throws Exception {
        String wiring = compileModule("requires " + RUNTIME_MODULE + ";", "requires java.se;");
        assertTrue(wiring.contains(GENERATED_IMPORT) && wiring.contains(GENERATED), wiring);
    }

    @Test
    void leavesOutTheGeneratedMarkerWhereARequiredModuleRequiresJavaCompilerOnlyForItself() throws Exception {
        // jdk.jdeps says "requires java.compiler" without transitive (JDK 17 to 25 at least), so
        // requiring it does not let the module read java.compiler.
        String wiring = compileModule("requires " + RUNTIME_MODULE + ";", "requires jdk.jdeps;");
        assertFalse(wiring.contains("@Generated") || wiring.contains("javax.annotation"), wiring);
    }

    /**
     * Compiles module {@code app}, with the given directives and the {@code Greetings} pipeline,
     * asserts that javac succeeded and said nothing, and returns the wiring's source.
     */
    private String compileModule(String... directives) throws IOException, URISyntaxException {
        Path root = Files.createTempDirectory(temp, "app");
        Path moduleInfo = write(root.resolve("src/module-info.java"),
                "module app {\n    " + String.join("\n    ", directives) + "\n}\n");
        Path pipeline = write(root.resolve("src/app/Greetings.java"), PIPELINE);
        Path classes = Files.createDirectories(root.resolve("classes"));
        Path generated = Files.createDirectories(root.resolve("generated"));
        List<String> options = List.of("--module-path", runtimeModule().toString(),
                "-Xlint:all", "-Werror", "-d", classes.toString(), "-s", generated.toString());

        RealJavac.Outcome outcome = RealJavac.compile(options, moduleInfo, pipeline);
        assertEquals(List.of(), outcome.said(), "javac on module app with " + List.of(directives));
        assertTrue(outcome.succeeded(), "javac failed on module app with " + List.of(directives));
        return Files.readString(generated.resolve("app/GreetingsWiring.java"), UTF_8);
    }

    /**
     * The runtime's module: the jar Maven built or, where the tests run against the runtime's class
     * directory, that directory as an exploded module. Both hold its module-info.class.
     */
    private static Path runtimeModule() throws URISyntaxException {
        return Path.of(pneumatic.Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, UTF_8);
    }
}
