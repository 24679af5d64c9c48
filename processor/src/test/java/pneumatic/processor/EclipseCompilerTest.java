package pneumatic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under Eclipse's compiler, which Eclipse users (and builds that choose it) run
 * instead of javac, and whose {@code javax.lang.model} differs from javac's in many small ways.
 * Every good fixture generates exactly its golden files; every bad fixture gets exactly the
 * {@code [Pipeline/...]} errors that javac gives it in the same run, except the few in
 * {@link #ONLY_ON_ECLIPSE}, where Eclipse's compiler gives the processor less to work with; no
 * fixture is ever a {@code [Pipeline/Internal]} error. The odd inputs of
 * {@link ProcessorRobustnessTest} and the fuzzer's random interfaces get the same verdict from
 * both compilers.
 */
class EclipseCompilerTest {

    private static final Path GOOD = Path.of("src/test/resources/good");
    private static final Path BAD = Path.of("src/test/resources/bad");
    private static final Path EXPECTED = Path.of("src/test/resources/expected");

    private static final String STILL_UNDEFINED = ", which is still undefined after every annotation processor"
            + " ran; if another processor should generate it, check that it is on the processor path, otherwise"
            + " fix the type";

    /** The {@code [Pipeline/...]} errors of the bad fixtures that Eclipse's compiler sees differently. */
    private static final Map<String, List<String>> ONLY_ON_ECLIPSE = Map.of(
            // it offers no syntax trees, in which alone a pipeline declared in a method is found;
            // such a pipeline gets no wiring, and the first use of that wiring fails to compile
            "LocalInterface", List.of(),
            "InterfaceInLocalClass", List.of(),
            "InterfaceInAnonymousClass", List.of(),
            // javac 17 calls an undefined generic type "<any>", and the processor leaves it to
            // javac's own error; Eclipse's compiler keeps the name
            "SenderNotImported", List.of(
                    "[Pipeline/Undefined] words(String, Sender<String>) refers to Sender" + STILL_UNDEFINED),
            // it hides the Box<Missing> of Box<Missing>.Item, so Missing cannot be named
            "UndefinedArgumentOfAnOuterType", List.of(
                    "[Pipeline/Undefined] take(Box.Item) refers to Item" + STILL_UNDEFINED),
            // javac drops the second parse unseen, as a duplicate of the first; Eclipse's compiler
            // keeps it, so its clash and what it emits are reported too
            "NamesakeAfterAnUndefinedStep", List.of(
                    "[Pipeline/NameClash] parse(Object) is a second step named parse (the first is parse(Missing));"
                            + " a step's name names its threads and its part of the wiring, so give each step a"
                            + " name of its own",
                    "[Pipeline/TypeMismatch] total(Integer) cannot take the Object that parse(Object) emits;"
                            + " change the parameter to Object or make parse return Integer",
                    "[Pipeline/Undefined] parse(Missing) refers to Missing" + STILL_UNDEFINED));

    /**
     * Whether javac names an undefined generic type such as {@code Lst<String>}: JDK 17 calls it
     * {@code <any>}, and the processor leaves it to javac's own error (JDK 25 names it).
     */
    private static final boolean JAVAC_NAMES_UNDEFINED_GENERIC_TYPES = Runtime.version().feature() >= 25;

    /** The bad fixtures that compile on Eclipse's compiler, for the reason given above. */
    private static final Set<String> COMPILE_ON_ECLIPSE =
            Set.of("LocalInterface", "InterfaceInLocalClass", "InterfaceInAnonymousClass");

    @TempDir
    Path temp;

    static Stream<String> goodFixtures() throws IOException {
        return fixtures(GOOD);
    }

    static Stream<String> badFixtures() throws IOException {
        return fixtures(BAD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFixtures")
    void aGoodPipelineGeneratesItsGoldenFiles(String fixture) throws IOException {
        Path pipeline = GOOD.resolve(fixture + ".java");
        Compiled eclipse = compile(new EclipseCompiler(), "eclipse", List.of(pipeline));
        assertTrue(eclipse.outcome.succeeded(), String.join("\n", eclipse.outcome.said()));
        assertEquals(List.of(), warningsOnGeneratedCode(eclipse),
                "Eclipse's compiler's warnings on the generated code");
        Compiled javac = compile(ToolProvider.getSystemJavaCompiler(), "javac", List.of(pipeline));

        Set<String> generated = eclipse.generated();
        assertFalse(generated.isEmpty(), "no wiring class generated for " + fixture);
        assertEquals(javac.generated(), generated, "the classes generated for " + fixture);
        for (String path : generated) {
            String name = Path.of(path).getFileName().toString();
            assertEquals(Files.readString(EXPECTED.resolve(name), StandardCharsets.UTF_8), eclipse.text(path),
                    name + " generated by Eclipse's compiler differs from its golden file");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFixtures")
    void aBadPipelineGetsTheErrorsItGetsOnJavac(String fixture) throws IOException {
        List<Path> files = new ArrayList<>(List.of(BAD.resolve(fixture + ".java")));
        files.addAll(list(BAD.resolve("elsewhere"))); // the other package some fixtures use
        Compiled eclipse = compile(new EclipseCompiler(), "eclipse", files);
        String said = String.join("\n", eclipse.outcome.said());

        assertEquals(COMPILE_ON_ECLIPSE.contains(fixture), eclipse.outcome.succeeded(), said);
        List<String> errors = pipelineErrors(eclipse);
        assertTrue(errors.stream().noneMatch(error -> error.startsWith("[Pipeline/Internal]")), said);
        List<String> expected = ONLY_ON_ECLIPSE.containsKey(fixture) ? ONLY_ON_ECLIPSE.get(fixture)
                : pipelineErrors(compile(ToolProvider.getSystemJavaCompiler(), "javac", files));
        assertEquals(expected, errors, "the [Pipeline/...] errors, in the order of their text");
    }

    /**
     * The fuzzer's random interfaces ({@link RandomPipelines}), valid and broken, get the same
     * verdict from both compilers: both compile and generate the same text (without a warning from
     * Eclipse's compiler on it), or both fail with the same {@code [Pipeline/...]} ids (the texts
     * may differ: Eclipse's compiler shows an inherited {@code compareTo(T)} of
     * {@code Comparable<String>} as {@code compareTo(String)}). An interface declared in a method
     * is the exception, as for the fixtures: there only {@code [Pipeline/Internal]} is ruled out.
     * And where a step follows a namesake whose parameter type is undefined, javac drops it from
     * the model unseen while Eclipse's compiler keeps it, so both must fail but the ids may differ
     * (fixture {@code bad/NamesakeAfterAnUndefinedStep}). {@code -Decj.fuzz.count=N} sets how many
     * (100), {@code -Decj.fuzz.seed=S} repeats a run, {@code -Decj.fuzz.input=S} checks one input.
     */
    @Test
    void randomPipelinesGetTheSameVerdictFromBothCompilers() throws IOException {
        long seed = Long.getLong("ecj.fuzz.seed", System.nanoTime());
        String single = System.getProperty("ecj.fuzz.input");
        int count = single != null ? 1 : Integer.getInteger("ecj.fuzz.count", 100);
        System.out.println("EclipseCompilerTest: ecj.fuzz.seed=" + seed + " ecj.fuzz.count=" + count);
        Random seeds = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long inputSeed = single != null ? Long.parseLong(single.trim()) : seeds.nextLong();
            RandomPipelines.Input input = RandomPipelines.generate(inputSeed);
            boolean local = input.mutations().stream().anyMatch(mutation -> mutation.startsWith("LOCAL"));
            boolean sameModel = !input.features().contains(RandomPipelines.NAMESAKE_OF_UNDEFINED);
            String problem = verdictProblem(input.files(), local, sameModel, "input" + i);
            if (problem != null) {
                problems.add("input " + inputSeed + " (repeat with -Decj.fuzz.input=" + inputSeed + "): " + problem
                        + (problems.isEmpty() ? "\n" + input.listing() : ""));
            }
        }
        assertEquals(List.of(), problems, problems.size() + " of " + count + " inputs (ecj.fuzz.seed=" + seed + ")");
    }

    /**
     * The processor's odd inputs ({@link ProcessorRobustnessTest}) get the same verdict from both
     * compilers. For those that are not valid Java, where each compiler's own errors come first
     * and the processor's are optional, the ids are not compared: for {@code workers = "two"} the
     * processor reports an unevaluated value on JDK 17 and on Eclipse's compiler, and nothing on
     * JDK 25, whose javac leaves it its own error.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pneumatic.processor.ProcessorRobustnessTest#oddInputs")
    void anOddInputGetsTheSameVerdictFromBothCompilers(ProcessorRobustnessTest.Input input) throws IOException {
        RandomPipelines.SourceFile file = new RandomPipelines.SourceFile("fixtures." + input.name(), input.source());
        boolean validJava = input.outcome() != ProcessorRobustnessTest.Outcome.INVALID_JAVA;
        assertEquals(null, verdictProblem(List.of(file), false, validJava, input.name()));
    }

    /**
     * What differs between the compilers' verdicts on one input, or null.
     *
     * @param local whether the input declares a pipeline in a method, which only javac sees
     * @param compareIds whether both compilers must give the same {@code [Pipeline/...]} ids
     */
    private String verdictProblem(List<RandomPipelines.SourceFile> sources, boolean local, boolean compareIds,
            String name) throws IOException {
        Path directory = temp.resolve(name);
        List<Path> files = new ArrayList<>();
        for (RandomPipelines.SourceFile source : sources) {
            Path file = directory.resolve(source.name().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.text(), StandardCharsets.UTF_8);
            files.add(file);
        }
        Compiled eclipse = compile(new EclipseCompiler(), name + "-eclipse", files);
        Compiled javac = compile(ToolProvider.getSystemJavaCompiler(), name + "-javac", files);
        List<String> eclipseErrors = pipelineErrors(eclipse);
        if (eclipseErrors.stream().anyMatch(error -> error.startsWith("[Pipeline/Internal]"))) {
            return "Eclipse's compiler: " + eclipseErrors;
        }
        if (local) {
            return null; // only javac sees a pipeline declared in a method
        }
        if (eclipse.outcome.succeeded() != javac.outcome.succeeded()) {
            return "Eclipse's compiler " + verdict(eclipse) + ", javac " + verdict(javac);
        }
        if (javac.outcome.succeeded()) {
            List<String> warnings = warningsOnGeneratedCode(eclipse);
            if (!warnings.isEmpty()) {
                return "Eclipse's compiler's warnings on the generated code: " + warnings;
            }
            Set<String> generated = javac.generated();
            if (!generated.equals(eclipse.generated())) {
                return "generated " + eclipse.generated() + " on Eclipse's compiler, " + generated + " on javac";
            }
            for (String file : generated) {
                if (!eclipse.text(file).equals(javac.text(file))) {
                    return file + " differs:\n" + eclipse.text(file) + "\non javac:\n" + javac.text(file);
                }
            }
            return null;
        }
        if (!compareIds) {
            return null;
        }
        List<String> eclipseIds = ids(eclipseErrors);
        List<String> javacIds = ids(pipelineErrors(javac));
        if (!JAVAC_NAMES_UNDEFINED_GENERIC_TYPES) {
            eclipseIds.removeIf("[Pipeline/Undefined]"::equals);
            javacIds.removeIf("[Pipeline/Undefined]"::equals);
        }
        return eclipseIds.equals(javacIds) ? null
                : "errors " + eclipseErrors + " on Eclipse's compiler, " + pipelineErrors(javac) + " on javac";
    }

    private static List<String> warningsOnGeneratedCode(Compiled compiled) {
        String generated = compiled.sources.toUri().getPath();
        return compiled.outcome.warnings().stream().filter(warning -> warning.startsWith(generated))
                .collect(Collectors.toList());
    }

    private static String verdict(Compiled compiled) {
        return compiled.outcome.succeeded() ? "compiled it" : "failed: " + compiled.outcome.said();
    }

    /** The ids of the errors, in order. */
    private static List<String> ids(List<String> errors) {
        return errors.stream().map(error -> error.substring(0, error.indexOf(']') + 1)).sorted()
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** What one compiler made of some files: its outcome, and the directory of generated sources. */
    private record Compiled(RealJavac.Outcome outcome, Path sources) {

        /** The paths of the generated source files, within the directory of generated sources. */
        Set<String> generated() throws IOException {
            try (Stream<Path> files = Files.walk(sources)) {
                return files.filter(Files::isRegularFile).map(file -> sources.relativize(file).toString())
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }

        String text(String generated) throws IOException {
            return Files.readString(sources.resolve(generated), StandardCharsets.UTF_8);
        }
    }

    private Compiled compile(JavaCompiler compiler, String name, List<Path> files) throws IOException {
        Path classes = Files.createDirectories(temp.resolve(name + "-classes"));
        Path sources = Files.createDirectories(temp.resolve(name + "-sources"));
        List<String> options = List.of("--release", "17", "-d", classes.toString(), "-s", sources.toString(),
                "-cp", System.getProperty("java.class.path"));
        return new Compiled(RealJavac.compile(compiler, options, files.toArray(Path[]::new)), sources);
    }

    private static List<String> pipelineErrors(Compiled compiled) {
        return compiled.outcome.errors().stream().filter(error -> error.startsWith("[Pipeline/")).sorted()
                .collect(Collectors.toList());
    }

    private static Stream<String> fixtures(Path directory) throws IOException {
        return list(directory).stream().map(file -> file.getFileName().toString().replaceFirst("\\.java$", ""));
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

}
