package pneumatic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Messager;
import javax.annotation.processing.Processor;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd but possible input never makes the processor crash into javac (API.md section 3: "never a
 * processor crash"). Each input either compiles, with its wiring and without a warning, or fails
 * with {@code [Pipeline/...]} errors, plus javac's own errors where the input is not valid Java;
 * never with {@code [Pipeline/Internal]}, a stack trace, or an error in generated code.
 */
class ProcessorRobustnessTest {

    /** The diagnostic code javac gives every message a processor prints through its Messager. */
    private static final String FROM_A_PROCESSOR = "compiler.err.proc.messager";

    /** What should become of one input. */
    enum Outcome {
        /** Compiles, and the wiring is generated without a warning under {@code -Xlint:all}. */
        COMPILES,
        /** Fails with errors of the processor only, the first with the expected id. */
        REJECTED,
        /** Not valid Java: javac reports it; the processor may add errors of its own, but never crashes. */
        INVALID_JAVA
    }

    /** One odd input: a compilation unit {@code fixtures.<name>}. */
    record Input(String name, Outcome outcome, String id, String source) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Input compiles(String name, String source) {
        return new Input(name, Outcome.COMPILES, null, source);
    }

    private static Input rejected(String name, String id, String source) {
        return new Input(name, Outcome.REJECTED, id, source);
    }

    private static Input invalidJava(String name, String source) {
        return new Input(name, Outcome.INVALID_JAVA, null, source);
    }

    static Stream<Input> oddInputs() {
        return Stream.of(
                invalidJava("EnclosingTypeVariable", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        public class EnclosingTypeVariable<T> {
                            @Pipeline
                            interface Steps {
                                @Source Stream<T> items();
                                @Sink void take(T item);
                            }
                        }
                        """),
                rejected("EmptyInterface", "[Pipeline/Order]", """
                        package fixtures;
                        import pneumatic.Pipeline;
                        @Pipeline
                        public interface EmptyInterface {}
                        """),
                rejected("SourceReturnsArray", "[Pipeline/SourceShape]", """
                        package fixtures;
                        import pneumatic.*;
                        @Pipeline
                        public interface SourceReturnsArray {
                            @Source String[] lines();
                            @Sink void print(String line);
                        }
                        """),
                // named like Object's notify(), which takes no argument and so does not compete
                // with the call: the wiring casts nothing, where javac would call a cast redundant
                compiles("StepNamedLikeAnObjectMethodOfAnotherArity", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        import pneumatic.channel.Sender;
                        @Pipeline
                        public interface StepNamedLikeAnObjectMethodOfAnotherArity {
                            @Source Stream<String> lines();
                            @Stage void notify(Object line, Sender<? super Object> to);
                            @Sink void print(Object line);
                        }
                        """),
                // a varargs overload of another arity competes only when no fixed-arity method
                // fits (JLS 15.12.2, phase 3), and the step always fits: no cast either
                compiles("StepWithAVarargsOverloadOfAnotherArity", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        import pneumatic.channel.Sender;
                        @Pipeline
                        public interface StepWithAVarargsOverloadOfAnotherArity {
                            @Source Stream<String> lines();
                            @Stage void emit(Object line, Sender<? super Object> to);
                            default void emit(Object... lines) {}
                            default void emit(Object a, Object b, Object... more) {}
                            @Sink void print(Object line);
                        }
                        """),
                // a pipeline nested in a deprecated class: the wiring names the interface
                // through it, and suppresses the deprecation warnings that draws
                compiles("PipelineNestedInADeprecatedClass", """
                        package fixtures;
                        import java.util.List;
                        import pneumatic.*;
                        @Deprecated
                        public class PipelineNestedInADeprecatedClass {
                            @Pipeline
                            public interface Steps {
                                @Source List<String> lines();
                                @Sink void print(String line);
                            }
                        }
                        """),
                compiles("StageReturnsArray", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface StageReturnsArray {
                            @Source Stream<String> lines();
                            @Stage String[] split(String line);
                            @Sink void print(String[] words);
                        }
                        """),
                compiles("StreamOfIntArrays", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface StreamOfIntArrays {
                            @Source Stream<int[]> rows();
                            @Stage Stream<int[][]> grids(int[] row);
                            @Sink void sum(int[][] grid);
                        }
                        """),
                compiles("VarargsSink", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface VarargsSink {
                            @Source Stream<String[]> lines();
                            @Sink void print(String... words);
                        }
                        """),
                rejected("IntStreamSource", "[Pipeline/SourceShape]", """
                        package fixtures;
                        import java.util.stream.IntStream;
                        import pneumatic.*;
                        @Pipeline
                        public interface IntStreamSource {
                            @Source IntStream numbers();
                            @Sink void print(int n);
                        }
                        """),
                rejected("UnboundedWildcardSender", "[Pipeline/StageShape]", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        import pneumatic.channel.Sender;
                        @Pipeline
                        public interface UnboundedWildcardSender {
                            @Source Stream<String> lines();
                            @Stage void words(String line, Sender<?> out);
                            @Sink void print(Object word);
                        }
                        """),
                compiles("WildcardsEverywhere", """
                        package fixtures;
                        import java.util.List;
                        import java.util.Optional;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        import pneumatic.channel.Sender;
                        @Pipeline
                        public interface WildcardsEverywhere {
                            @Source Iterable<?> things();
                            @Stage Optional<? extends List<?>> wrap(Object thing);
                            @Stage Stream<?> flatten(List<?> list);
                            @Stage void send(Object o, Sender<? super Object> out);
                            @Sink void print(Object o);
                        }
                        """),
                compiles("SendersAsValues", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        import pneumatic.channel.Sender;
                        @Pipeline
                        public interface SendersAsValues {
                            @Source Stream<Sender<String>> senders();
                            @Stage void relay(Sender<String> in, Sender<String> out);
                            @Sink void print(String s);
                        }
                        """),
                compiles("IterableSubtypeWithoutTypeArguments", """
                        package fixtures;
                        import java.nio.file.Path;
                        import pneumatic.*;
                        @Pipeline
                        public interface IterableSubtypeWithoutTypeArguments {
                            @Source Path segments();
                            @Sink void print(Path segment);
                        }
                        """),
                compiles("SelfReferentialType", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface SelfReferentialType {
                            @Source Stream<SelfReferentialType> selves();
                            @Stage SelfReferentialType same(SelfReferentialType s);
                            @Sink void print(SelfReferentialType s);
                        }
                        """),
                compiles("StepsNamedLikeJavaLang", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface StepsNamedLikeJavaLang {
                            @Source Stream<String> String();
                            @Stage java.lang.String Object(java.lang.String s);
                            @Sink void Thread(java.lang.String s);
                        }
                        """),
                compiles("ObjectMethodsRedeclared", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface ObjectMethodsRedeclared {
                            @Source Stream<String> lines();
                            @Sink void print(String line);
                            @Override String toString();
                            @Override boolean equals(Object other);
                            @Override int hashCode();
                        }
                        """),
                compiles("DeeplyNested", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        public interface DeeplyNested {
                            interface A { class B { @Pipeline interface C {
                                @Source Stream<String> lines();
                                @Sink void print(String line);
                            } } }
                        }
                        """),
                compiles("PipelineInEnum", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        public enum PipelineInEnum {
                            ONE;
                            @Pipeline
                            public interface Steps {
                                @Source Stream<String> lines();
                                @Sink void print(String line);
                            }
                        }
                        """),
                rejected("PrivateTypeArgumentOfAnEnclosingType", "[Pipeline/Visibility]", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        public class PrivateTypeArgumentOfAnEnclosingType {
                            private static final class Hidden {}
                            public static class Box<T> { public final class Item {} }
                            @Pipeline interface Steps {
                                @Source Stream<Box<Hidden>.Item> items();
                                @Sink void take(Box<Hidden>.Item item);
                            }
                        }
                        """),
                rejected("RawParameter", "[Pipeline/SinkShape]", """
                        package fixtures;
                        import java.util.List;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface RawParameter {
                            @Source Stream<List<String>> lists();
                            @SuppressWarnings("rawtypes") @Sink void print(List list);
                        }
                        """),
                rejected("SourceOfARawSubclass", "[Pipeline/SourceShape]", """
                        package fixtures;
                        import java.util.ArrayList;
                        import pneumatic.*;
                        @Pipeline
                        public interface SourceOfARawSubclass {
                            @SuppressWarnings({"rawtypes", "serial"}) final class Lines extends ArrayList {}
                            @Source Lines lines();
                            @Sink void print(Object line);
                        }
                        """),
                rejected("GenericStageMethod", "[Pipeline/StageShape]", """
                        package fixtures;
                        import java.util.List;
                        import pneumatic.*;
                        @Pipeline
                        public interface GenericStageMethod {
                            @Stage <T extends Comparable<T>> T max(List<T> list);
                        }
                        """),
                rejected("ExtremeAttributes", "[Pipeline/Capacity]", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface ExtremeAttributes {
                            @Source Stream<String> lines();
                            @Sink(workers = Integer.MAX_VALUE, capacity = Integer.MIN_VALUE) void print(String line);
                        }
                        """),
                rejected("KeywordAsWiringName", "[Pipeline/Name]", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline(name = "class")
                        public interface KeywordAsWiringName {
                            @Source Stream<String> lines();
                            @Sink void print(String line);
                        }
                        """),
                rejected("WiringNameOfAnExistingClass", "[Pipeline/NameClash]", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline(name = "Taken")
                        public interface WiringNameOfAnExistingClass {
                            @Source Stream<String> lines();
                            @Sink void print(String line);
                        }
                        class Taken {}
                        """),
                rejected("DefaultWiringNameOfAnExistingClass", "[Pipeline/NameClash]", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        public class DefaultWiringNameOfAnExistingClass {
                            @Pipeline interface Steps { @Source Stream<String> lines(); @Sink void print(String line); }
                        }
                        class DefaultWiringNameOfAnExistingClass_StepsWiring {}
                        """),
                rejected("GoodAndBadPipelineInOneFile", "[Pipeline/SinkShape]", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        public class GoodAndBadPipelineInOneFile {
                            @Pipeline interface Good { @Source Stream<String> lines(); @Sink void print(String line); }
                            @Pipeline interface Bad { @Source Stream<String> lines(); @Sink int print(String line); }
                        }
                        """),
                invalidJava("UndefinedWorkersConstant", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface UndefinedWorkersConstant {
                            @Source Stream<String> lines();
                            @Stage(workers = COUNT) String trim(String line);
                            @Sink void print(String line);
                        }
                        """),
                invalidJava("WorkersOfTheWrongType", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface WorkersOfTheWrongType {
                            @Source Stream<String> lines();
                            @Stage(workers = "two") String trim(String line);
                            @Sink void print(String line);
                        }
                        """),
                invalidJava("NonConstantCapacity", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface NonConstantCapacity {
                            int SIZE = Integer.parseInt("4");
                            @Source Stream<String> lines();
                            @Sink(capacity = SIZE) void print(String line);
                        }
                        """),
                invalidJava("UnknownAttribute", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline(nmae = "X")
                        public interface UnknownAttribute {
                            @Source Stream<String> lines();
                            @Sink void print(String line);
                        }
                        """),
                invalidJava("NameIsNotAString", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline(name = 42)
                        public interface NameIsNotAString {
                            @Source Stream<String> lines();
                            @Sink void print(String line);
                        }
                        """),
                invalidJava("UndefinedAnnotationOnAStep", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface UndefinedAnnotationOnAStep {
                            @Source Stream<String> lines();
                            @Missing @Sink void print(String line);
                        }
                        """),
                invalidJava("UndefinedCheckedException", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface UndefinedCheckedException {
                            @Source Stream<String> lines() throws MissingException;
                            @Sink void print(String line);
                        }
                        """),
                compiles("DeprecatedTypeArgumentOfAnEnclosingType", """
                        package fixtures;
                        import java.util.List;
                        import pneumatic.*;
                        @Pipeline
                        public interface DeprecatedTypeArgumentOfAnEnclosingType {
                            class Box<T> { public class Item {} }
                            @Deprecated class Old {}
                            @Source List<Box<Old>.Item> items();
                            @Sink void take(Box<Old>.Item item);
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddInputs")
    void neverCrashesIntoJavac(Input input) {
        JavaFileObject file = JavaFileObjects.forSourceString("fixtures." + input.name(), input.source());
        Compilation compilation = Compiler.javac()
                .withProcessors(new PipelineProcessor())
                .withOptions("-Xlint:all")
                .compile(file);

        for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
            String message = diagnostic.getMessage(Locale.ROOT);
            assertFalse(message.contains("[Pipeline/Internal]") || message.contains("\tat "),
                    "the processor crashed on " + input.name() + ":\n" + message);
            if (FROM_A_PROCESSOR.equals(diagnostic.getCode())) {
                assertTrue(message.startsWith("[Pipeline/"), "a processor error without an id: " + message);
            }
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                assertTrue(diagnostic.getSource() != null && diagnostic.getSource().toUri().equals(file.toUri()),
                        "an error outside " + input.name() + " (in generated code?): " + describe(diagnostic));
            }
        }

        switch (input.outcome()) {
            case COMPILES:
                assertThat(compilation).succeededWithoutWarnings();
                assertFalse(compilation.generatedSourceFiles().isEmpty(), "no wiring generated for " + input.name());
                break;
            case REJECTED:
                assertThat(compilation).failed();
                List<String> errors = messages(compilation.errors());
                assertTrue(compilation.errors().stream().allMatch(e -> FROM_A_PROCESSOR.equals(e.getCode())),
                        "valid Java rejected by javac itself: " + errors);
                assertTrue(errors.stream().anyMatch(e -> e.startsWith(input.id())),
                        "expected an error " + input.id() + " but got " + errors);
                break;
            case INVALID_JAVA:
                assertThat(compilation).failed();
                assertTrue(compilation.errors().stream().anyMatch(e -> !FROM_A_PROCESSOR.equals(e.getCode())),
                        "javac did not reject invalid Java: " + messages(compilation.errors()));
                break;
            default:
                throw new AssertionError(input.outcome());
        }
    }

    /**
     * The largest worker count is valid ({@code [Pipeline/Workers]} rejects only counts below 1), so
     * the wiring's loop over the workers must end for it. Counted as {@code worker <= 2147483647},
     * it never did: {@code worker++} wraps to a negative number. Only the generated text is checked;
     * running it would start threads until the JVM runs out of them.
     */
    @Test
    void startsTheLargestWorkerCountInALoopThatEnds() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new PipelineProcessor())
                .withOptions("-Xlint:all")
                .compile(JavaFileObjects.forSourceString("fixtures.AllTheWorkers", """
                        package fixtures;
                        import java.util.stream.Stream;
                        import pneumatic.*;
                        @Pipeline
                        public interface AllTheWorkers {
                            @Source Stream<String> lines();
                            @Sink(workers = Integer.MAX_VALUE) void print(String line);
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fixtures.AllTheWorkersWiring").contentsAsUtf8String()
                .contains("for (int worker = 0; worker < 2147483647; worker++) {");
    }

    /**
     * A nested interface is static, so it cannot use its enclosing class's type variable: javac
     * says so on each use. {@code T} is not "still undefined" waiting for another processor, so
     * a {@code [Pipeline/Undefined]} on top of javac's errors would send the user the wrong way.
     */
    @Test
    void leavesAnOutOfScopeTypeVariableToJavac() {
        Input input = oddInputs().filter(i -> i.name().equals("EnclosingTypeVariable")).findFirst().orElseThrow();
        Compilation compilation = Compiler.javac()
                .withProcessors(new PipelineProcessor())
                .compile(JavaFileObjects.forSourceString("fixtures." + input.name(), input.source()));
        assertThat(compilation).failed();
        List<String> errors = messages(compilation.errors());
        assertFalse(errors.stream().anyMatch(e -> e.startsWith("[Pipeline/Undefined]")),
                "the processor calls a type variable undefined: " + errors);
        assertThat(compilation).hadErrorCount(2);
    }

    /** A keyword is no class name, so the error must not suggest the keyword itself. */
    @Test
    void rejectsAKeywordAsWiringNameWithoutSuggestingIt() {
        Input input = oddInputs().filter(i -> i.name().equals("KeywordAsWiringName")).findFirst().orElseThrow();
        JavaFileObject file = JavaFileObjects.forSourceString("fixtures." + input.name(), input.source());
        Compilation compilation = Compiler.javac().withProcessors(new PipelineProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/Name] name = \"class\" is not a valid Java class name;"
                        + " give the simple name of the class to generate, such as \"")
                .inFile(file).onLineContaining("@Pipeline(name = \"class\")");
        List<String> errors = messages(compilation.errors());
        assertFalse(errors.stream().anyMatch(e -> e.contains("such as \"class\"")),
                "suggests the keyword as a class name: " + errors);
        assertThat(compilation).hadErrorCount(1);
    }

    // ---- the processor's own failures

    /**
     * A failure outside any one interface (here the Orphan check, whose Messager call throws)
     * becomes a compile error without an element, not an exception thrown into javac.
     */
    @Test
    void reportsItsOwnFailureOutsideAnInterfaceAsAnErrorWithoutElement() {
        JavaFileObject file = JavaFileObjects.forResource("bad/StageWithoutPipeline.java");
        Compilation compilation = Compiler.javac()
                .withProcessors(failsOnMessage("[Pipeline/Orphan]"))
                .compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/Internal] the Pipeline processor failed while looking"
                + " for step annotations outside @Pipeline interfaces. This is a bug in Pneumatic, not in your"
                + " code; please report it with this stack trace:");
        assertThat(compilation).hadErrorContaining(FailingMessager.Failure.class.getName() + ": refused [Pipeline/Orphan]");
        assertThat(compilation).hadErrorCount(1);
        assertTrue(compilation.errors().get(0).getSource() == null, "an element for a failure outside any interface");
    }

    /**
     * A failure in the last round, while reporting what an interface still misses, becomes a
     * compile error on that interface. javac's "cannot find symbol" stays.
     */
    @Test
    void reportsItsOwnFailureInTheLastRoundOnTheInterface() {
        JavaFileObject file = JavaFileObjects.forResource("bad/UndefinedParameterType.java");
        Compilation compilation = Compiler.javac()
                .withProcessors(failsOnMessage("[Pipeline/Undefined]"))
                .compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/Internal] the Pipeline processor failed on"
                        + " UndefinedParameterType. This is a bug in Pneumatic, not in your code; please report it"
                        + " with this stack trace:")
                .inFile(file).onLineContaining("public interface UndefinedParameterType {");
        assertThat(compilation).hadErrorContaining(FailingMessager.Failure.class.getName() + ": refused [Pipeline/Undefined]")
                .inFile(file).onLineContaining("public interface UndefinedParameterType {");
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLineContaining("Missing line);");
        assertThat(compilation).hadErrorCount(2);
    }

    /**
     * A wiring name of a class on the class path (here the runtime's pneumatic.Stage): javac's
     * Filer would only warn before the wiring hid that class; it is a NameClash on the name.
     */
    @Test
    void rejectsAWiringNameOfAClassOnTheClassPath() {
        JavaFileObject file = JavaFileObjects.forSourceString("pneumatic.Clash", """
                package pneumatic;
                import java.util.List;
                @Pipeline(name = "Stage")
                public interface Clash {
                    @Source List<String> lines();
                    @Sink void print(String line);
                }
                """);
        Compilation compilation = Compiler.javac().withProcessors(new PipelineProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class pneumatic.Stage of Clash"
                        + " cannot be generated: a type of that name already exists; choose another name with"
                        + " @Pipeline(name = \"...\")")
                .inFile(file).onLineContaining("@Pipeline(name = \"Stage\")");
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * A wiring name that is also the name of a subpackage (here fixtures.sub): a class and a
     * package of one name cannot both exist, so it is a NameClash on the name, not an error in
     * the generated class ("class sub clashes with package of same name").
     */
    @Test
    void rejectsAWiringNameOfASubpackage() {
        JavaFileObject file = JavaFileObjects.forSourceString("fixtures.Clash", """
                package fixtures;
                import java.util.List;
                import pneumatic.*;
                @Pipeline(name = "sub")
                public interface Clash {
                    @Source List<String> lines();
                    @Sink void print(String line);
                }
                """);
        JavaFileObject inSubpackage = JavaFileObjects.forSourceString("fixtures.sub.Thing", """
                package fixtures.sub;
                public class Thing {}
                """);
        Compilation compilation = Compiler.javac().withProcessors(new PipelineProcessor()).compile(file, inSubpackage);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Pipeline/NameClash] the wiring class fixtures.sub of Clash"
                        + " cannot be generated: a package of that name exists, and a class cannot share its name"
                        + " with a package; choose another name with @Pipeline(name = \"...\")")
                .inFile(file).onLineContaining("@Pipeline(name = \"sub\")");
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * The control: the interface's own wiring from an earlier build, a class file on the class
     * path (javac without a clean output directory), is written again, not a clash.
     */
    @Test
    void writesTheWiringAgainOverItsClassFromAnEarlierBuild(@TempDir Path output) throws IOException {
        JavaFileObject file = JavaFileObjects.forSourceString("fixtures.Again", """
                package fixtures;
                import java.util.List;
                import pneumatic.*;
                @Pipeline
                public interface Again {
                    @Source List<String> lines();
                    @Sink void print(String line);
                }
                """);
        Compilation first = Compiler.javac().withProcessors(new PipelineProcessor()).compile(file);
        assertThat(first).succeededWithoutWarnings();
        for (JavaFileObject written : first.generatedFiles()) {
            if (written.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = output.resolve(CompiledPipeline.pathInClassOutput(written));
                Files.createDirectories(target.getParent());
                try (InputStream in = written.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
        assertTrue(Files.exists(output.resolve("fixtures/AgainWiring.class")), "the first build's wiring");
        List<File> classPath = Stream.concat(Stream.of(output.toString()),
                        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)))
                .map(File::new)
                .collect(Collectors.toList());
        Compilation again = Compiler.javac().withProcessors(new PipelineProcessor()).withClasspath(classPath)
                .compile(file);
        assertThat(again).succeeded();
        assertThat(again).generatedSourceFile("fixtures.AgainWiring");
    }

    /**
     * The processor's jar on the processor path without JavaPoet (a hand-made javac, IDE or
     * Bazel setup): a setup error that names the missing class and says what to put there, not
     * a bug to report.
     */
    @Test
    void saysWhichDependencyIsMissingFromTheProcessorPath() throws Exception {
        java.net.URL processorClasses = PipelineProcessor.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.net.URLClassLoader alone = new java.net.URLClassLoader(new java.net.URL[] {processorClasses},
                ClassLoader.getPlatformClassLoader())) {
            Processor processor = (Processor) alone.loadClass(PipelineProcessor.class.getName())
                    .getDeclaredConstructor().newInstance();
            JavaFileObject file = JavaFileObjects.forResource("good/Shout.java");
            Compilation compilation = Compiler.javac().withProcessors(processor).compile(file);
            assertThat(compilation).failed();
            assertThat(compilation).hadErrorContaining("[Pipeline/Setup] the Pipeline processor cannot run: the class"
                            + " com.palantir.javapoet.")
                    .inFile(file).onLineContaining("public interface Shout {");
            assertThat(compilation).hadErrorContaining(" is not on the processor path; put pneumatic-processor there"
                    + " with its dependencies (com.palantir.javapoet:javapoet), as Maven's annotationProcessorPaths"
                    + " does, not its jar alone");
            assertThat(compilation).hadErrorCount(1);
        }
    }

    /**
     * The processor under test, unchanged, but handed javac's environment with a Messager that
     * throws on each message beginning with a given prefix: a stand-in for a bug anywhere in the
     * code that reports it. (javac's syntax trees are not available through a wrapped
     * environment, so the check for local interfaces is off.)
     */
    private static Processor failsOnMessage(String prefix) {
        return new EnvironmentSwap(new PipelineProcessor(), env -> {
            Messager failing = new FailingMessager(env.getMessager(), prefix);
            return new ForwardingEnvironment(env) {
                @Override
                public Messager getMessager() {
                    return failing;
                }
            };
        });
    }

    /** javac's Messager, except that it throws on each message that begins with the prefix. */
    private static final class FailingMessager implements Messager {
        /** What it throws. */
        static final class Failure extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Failure(String message) {
                super(message);
            }
        }

        private final Messager messager;
        private final String prefix;

        FailingMessager(Messager messager, String prefix) {
            this.messager = messager;
            this.prefix = prefix;
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message) {
            check(message);
            messager.printMessage(kind, message);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message, Element e) {
            check(message);
            messager.printMessage(kind, message, e);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message, Element e, AnnotationMirror a) {
            check(message);
            messager.printMessage(kind, message, e, a);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence message, Element e, AnnotationMirror a,
                AnnotationValue v) {
            check(message);
            messager.printMessage(kind, message, e, a, v);
        }

        private void check(CharSequence message) {
            if (message.toString().startsWith(prefix)) {
                throw new Failure("refused " + prefix);
            }
        }
    }

    private static List<String> messages(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        return diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        return (diagnostic.getSource() == null ? "<no file>" : diagnostic.getSource().getName())
                + ":" + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT);
    }
}
