package pneumatic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import pneumatic.PipelineFailedException;
import pneumatic.PipelineRun;
import pneumatic.channel.DisconnectedException;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;
import pneumatic.processor.FaultPlan.Fault;
import pneumatic.processor.RandomPipelines.Expect;
import pneumatic.processor.RandomPipelines.Input;
import pneumatic.processor.RandomPipelines.Mut;
import pneumatic.processor.RandomPipelines.Role;
import pneumatic.processor.RandomPipelines.Step;

/**
 * Random {@code @Pipeline} interfaces ({@link RandomPipelines}) never make the processor crash or
 * write a wiring class that does not compile: each one either compiles without a warning and its
 * wiring runs correctly, or fails with {@code [Pipeline/...]} errors on the interface.
 *
 * <p>For each input, compiled in memory under {@code -Xlint:all}:
 * <ul>
 *   <li>no diagnostic is {@code [Pipeline/Internal]} or holds a stack trace, and every message a
 *       processor prints starts with {@code [Pipeline/}; no error is in generated code;</li>
 *   <li>a valid input compiles, an invalid one fails (the generator knows which it built);</li>
 *   <li>a failed compile has only {@code [Pipeline/...]} errors with an id the mutations can cause
 *       (plus javac's "cannot find symbol" for a missing type), each within the lines of the
 *       interface, and the id of a lone mutation among them ({@code Undefined} for a missing
 *       type); at least one, but in the two cases {@code RandomPipelines} names where only javac
 *       reports a missing name; no wiring class was written;</li>
 *   <li>a successful compile has no warning, wrote the wiring class, and running it (with {@code
 *       run}, or {@code start} and {@code input()}/{@code output()}) delivers what the same steps
 *       computed one after the other give: the same values, in order when every step has one
 *       worker; an injected failure surfaces as {@code PipelineFailedException} naming its step;
 *       no thread of the run outlives it, and each is named {@code <Pipeline>-<step>-<n>}.</li>
 *   <li>one run in two is stopped from outside, with {@link PipelineFaultInjectionTest}'s plans
 *       and checks ({@link FaultPlan#stopping}, {@link FaultHarness}): {@code cancel()}, the
 *       caller interrupted in {@code await()} (then {@code close()}), or {@code close()} from
 *       other threads, after a delay or at an item the run reaches (whose worker may then wait
 *       for the stop). It must end cancelled, or failed by the injected failure, or, if it ended
 *       before the stop, with every value delivered exactly once; what a stopped run delivered
 *       is part of the sequential result (a prefix, with one worker per step).</li>
 * </ul>
 *
 * <p>Bounded: {@code -Dfuzz.count} inputs (default 200), stopping early after {@code
 * -Dfuzz.seconds} (default 30). The seed is printed first; {@code -Dfuzz.seed=S} repeats a run and
 * {@code -Dfuzz.input=N} checks one input (the number printed with each problem) with the same
 * stop, and prints both; {@code -Dfuzz.skip=stops} runs without stops.
 */
class PipelineFuzzTest {

    /** The code javac gives every message a processor prints through its Messager. */
    private static final String FROM_A_PROCESSOR = "compiler.err.proc.messager";
    private static final Pattern ID = Pattern.compile("^\\[Pipeline/([A-Za-z]+)\\]");
    private static final Duration RUN_BOUND = Duration.ofSeconds(20);
    /** With {@code -Dfuzz.input}: print the diagnostics and the generated sources too. */
    private static final boolean VERBOSE = System.getProperty("fuzz.input") != null;
    /** The problems printed in full per kind; the others are counted. */
    private static final int EXAMPLES = 3;

    @Test
    void everyRandomPipelineCompilesAndRunsOrIsRejectedWithAnId() throws InterruptedException {
        String given = System.getProperty("fuzz.seed");
        long seed = given != null ? Long.parseLong(given.trim()) : System.nanoTime();
        int count = Integer.getInteger("fuzz.count", 200);
        long seconds = Long.getLong("fuzz.seconds", 30L);
        String one = System.getProperty("fuzz.input");
        System.out.println("PipelineFuzzTest: fuzz.seed=" + seed + " fuzz.count=" + count + " fuzz.seconds=" + seconds
                + (one != null ? " fuzz.input=" + one : ""));

        Random master = new Random(seed);
        Stats stats = new Stats();
        Map<String, List<Problem>> problems = new TreeMap<>();
        ExecutorService runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-runner");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            for (int i = 0; one != null ? i < 1 : i < count; i++) {
                if (one == null && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(seconds)) {
                    break;
                }
                long inputSeed = one != null ? Long.parseLong(one.trim()) : master.nextLong();
                Input input = RandomPipelines.generate(inputSeed);
                if (one != null) {
                    System.out.println(describe(input));
                }
                Outcome outcome = new Checker(input, runner).check();
                stats.add(input, outcome);
                for (Problem p : outcome.problems) {
                    System.out.println("PipelineFuzzTest PROBLEM " + p.kind + " (fuzz.seed=" + seed + ", input #" + i
                            + ", fuzz.input=" + inputSeed + "): " + firstLine(p.detail));
                    problems.computeIfAbsent(p.kind, k -> new ArrayList<>()).add(p);
                }
            }
        } finally {
            runner.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String summary = String.format(Locale.ROOT, "PipelineFuzzTest summary: seed=%d java=%s inputs=%d"
                        + " compiled+ran=%d rejected=%d (expected-valid=%d expected-invalid=%d)"
                        + " runs-with-injected-failure=%d runs-stopped=%s elapsed=%.1fs (running %.1fs) problems=%d"
                        + " ids=%s stops=%s",
                seed, System.getProperty("java.version"), stats.inputs, stats.ran, stats.rejected,
                stats.expected.get(Expect.COMPILES), stats.expected.get(Expect.REJECTED), stats.failures,
                stats.stopsPerFault(), elapsed, stats.runNanos / 1e9, problems.values().stream().mapToInt(List::size).sum(), stats.ids,
                stats.stops);
        System.out.println(summary);
        if (!problems.isEmpty()) {
            System.out.println(report(seed, problems));
        }
        assertTrue(problems.isEmpty(), () -> summary + "\n" + brief(problems)
                + "\n(the test's standard output has a smallest example of each, with its source)");
    }

    @Test
    void theSameSeedGivesTheSameInput() {
        Random seeds = new Random(42);
        for (int i = 0; i < 50; i++) {
            long seed = seeds.nextLong();
            assertEquals(describe(RandomPipelines.generate(seed)), describe(RandomPipelines.generate(seed)));
        }
    }

    /** Without this, a generator bug could quietly stop exercising one half of the processor. */
    @Test
    void theGeneratorCoversEveryMutationAndAGoodShareOfValidPipelines() {
        Random seeds = new Random(7);
        Map<Expect, Integer> expected = new EnumMap<>(Expect.class);
        Set<String> mutations = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        Set<String> features = new HashSet<>();
        int n = 1000;
        for (int i = 0; i < n; i++) {
            Input input = RandomPipelines.generate(seeds.nextLong());
            expected.merge(input.expect(), 1, Integer::sum);
            for (String m : input.mutations()) {
                mutations.add(m.replaceAll("\\(.*", ""));
            }
            features.addAll(input.features());
            if (input.expect() == Expect.COMPILES) {
                for (Step s : input.steps()) {
                    shapes.add(s.role + " " + s.shape);
                }
            }
        }
        int valid = expected.getOrDefault(Expect.COMPILES, 0);
        assertTrue(valid > n * 30 / 100 && valid < n * 60 / 100, "valid share " + expected);
        for (Mut m : Mut.values()) {
            assertTrue(mutations.contains(m.name()), "never generated: " + m + " in " + mutations);
        }
        assertTrue(mutations.contains("RAW"), "never generated a raw type in a step: " + mutations);
        for (String feature : List.of("overload-default", "overload-static", "overload-equals", "overload-wait",
                "custom-iterable", "custom-iterator", "custom-iterable-nested", "custom-iterator-nested")) {
            assertTrue(features.stream().anyMatch(f -> f.startsWith(feature)),
                    "never generated " + feature + ": " + features);
        }
        assertEquals(Set.of("SOURCE STREAM", "SOURCE ITERABLE", "SOURCE ITERATOR", "SOURCE SENDER", "STAGE VALUE",
                "STAGE OPTIONAL", "STAGE STREAM", "STAGE SENDER", "SINK NONE"), shapes);
    }

    // ---- one input

    /** A thing the processor got wrong, or that the generator believes it did. */
    private static final class Problem {
        final String kind;
        final String detail;
        final Input input;

        Problem(String kind, String detail, Input input) {
            this.kind = kind;
            this.detail = detail;
            this.input = input;
        }
    }

    private static final class Outcome {
        final List<Problem> problems = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        boolean compiled;
        boolean ran;
        boolean injectedFailure;
        /** The stop from outside and how the run ended, e.g. "CANCEL+failure -> failed"; null: none. */
        String stop;
        /** How long running the wiring took (compiling not included). */
        long runNanos;
    }

    private static final class Stats {
        int inputs;
        int ran;
        int rejected;
        int failures;
        long runNanos;
        final Map<String, Integer> stops = new TreeMap<>();
        final Map<Expect, Integer> expected = new EnumMap<>(Map.of(Expect.COMPILES, 0, Expect.REJECTED, 0));
        final Map<String, Integer> ids = new TreeMap<>();

        void add(Input input, Outcome outcome) {
            inputs++;
            expected.merge(input.expect(), 1, Integer::sum);
            if (outcome.ran) {
                ran++;
            }
            if (!outcome.compiled) {
                rejected++;
            }
            if (outcome.injectedFailure) {
                failures++;
            }
            if (outcome.stop != null) {
                stops.merge(outcome.stop, 1, Integer::sum);
            }
            runNanos += outcome.runNanos;
            for (String id : outcome.ids) {
                ids.merge(id, 1, Integer::sum);
            }
        }

        /** The runs per stop from outside, whatever they ended with. */
        Map<String, Integer> stopsPerFault() {
            Map<String, Integer> per = new TreeMap<>();
            stops.forEach((key, n) -> per.merge(key.replaceAll("[+ ].*", ""), n, Integer::sum));
            return per;
        }
    }

    private static final class Checker {
        private final Input input;
        private final ExecutorService runner;
        private final Outcome outcome = new Outcome();
        private final List<JavaFileObject> files = new ArrayList<>();
        private final Set<URI> inputUris = new HashSet<>();
        private final Map<URI, String> fileNames = new HashMap<>();

        Checker(Input input, ExecutorService runner) {
            this.input = input;
            this.runner = runner;
            for (RandomPipelines.SourceFile f : input.files()) {
                JavaFileObject file = JavaFileObjects.forSourceString(f.name(), f.text());
                files.add(file);
                inputUris.add(file.toUri());
                fileNames.put(file.toUri(), f.name());
            }
        }

        private void problem(String kind, String detail) {
            outcome.problems.add(new Problem(kind, detail, input));
        }

        Outcome check() {
            WiringProbe probe = new WiringProbe();
            Compilation compilation;
            try {
                compilation = Compiler.javac()
                        .withProcessors(probe, new PipelineProcessor()) // first, or javac skips it: see WiringProbe
                        .withOptions("-Xlint:all")
                        .compile(files);
            } catch (RuntimeException | Error thrown) {
                problem("crash", "compiling threw " + trace(thrown));
                return outcome;
            }
            outcome.compiled = compilation.status() == Compilation.Status.SUCCESS;
            if (VERBOSE) {
                compilation.diagnostics().forEach(d -> System.out.println(describe(d)));
                if (outcome.compiled) {
                    compilation.generatedSourceFiles().forEach(f -> System.out.println("// ---- " + f.getName() + "\n" + text(f)));
                }
            }
            List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
            List<String> generatedErrors = new ArrayList<>();
            JavaFileObject generatedFile = null;
            for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
                String message = d.getMessage(Locale.ROOT);
                if (message.contains("bad class file") || message.matches("(?s)package pneumatic\\S* does not exist.*")
                        || message.matches("(?s).*location: (package|class) pneumatic[.\\w]*\\s*")) {
                    throw new IllegalStateException("the runtime's classes changed under the test (is another build"
                            + " writing runtime/target?); no processor can cause: " + describe(d));
                }
                boolean fromProcessor = d.getCode() != null && d.getCode().endsWith(".proc.messager");
                if (message.contains("[Pipeline/Internal]") || message.contains("\tat ")) {
                    problem("crash", describe(d));
                }
                if (fromProcessor && !message.startsWith("[Pipeline/")) {
                    problem("no-id", describe(d));
                }
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    outcome.ids.add(fromProcessor ? idOf(message) : "javac:" + d.getCode());
                    if (d.getSource() == null) {
                        problem("error-without-a-file", describe(d));
                    } else if (!inputUris.contains(d.getSource().toUri())) {
                        generatedErrors.add(describe(d));
                        generatedFile = d.getSource();
                    } else {
                        errors.add(d);
                    }
                }
            }
            if (!generatedErrors.isEmpty()) {
                problem("error-in-generated-code", String.join("\n", generatedErrors) + "\n" + text(generatedFile));
            }
            if (outcome.compiled) {
                compiled(compilation, probe);
            } else {
                rejected(errors, compilation.diagnostics(), probe);
            }
            return outcome;
        }

        private void rejected(List<Diagnostic<? extends JavaFileObject>> errors,
                List<Diagnostic<? extends JavaFileObject>> all, WiringProbe probe) {
            if (input.expect() == Expect.COMPILES) {
                if (!errors.isEmpty()) { // errors only in generated code are reported as such
                    problem("valid-rejected", all.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .map(PipelineFuzzTest::describe).collect(Collectors.joining("\n")));
                }
                return;
            }
            Set<String> seen = new HashSet<>();
            boolean javacSawTheMissingType = false;
            int processorErrors = 0;
            for (Diagnostic<? extends JavaFileObject> d : errors) {
                String message = d.getMessage(Locale.ROOT);
                boolean inMain = d.getSource().toUri().equals(files.get(0).toUri());
                if (FROM_A_PROCESSOR.equals(d.getCode())) {
                    processorErrors++;
                    String id = idOf(message);
                    seen.add(id);
                    if (!input.allowedIds().contains(id)) {
                        problem("unexpected-id", id + " (the mutations " + input.mutations() + " allow "
                                + input.allowedIds() + "): " + describe(d));
                    }
                } else if (input.missingType() && d.getCode() != null && d.getCode().startsWith("compiler.err.cant.resolve")) {
                    javacSawTheMissingType = true;
                } else if (!probe.written.isEmpty()) {
                    // a class the processor wrote (maybe named like a java.lang class) broke the input
                    problem("generated-class-breaks-the-input", "after writing " + probe.written + " (wiring "
                            + input.wiringBinaryName() + "): " + describe(d));
                    continue;
                } else {
                    problem("javac-error", "javac rejects what the generator believes is valid Java: " + describe(d));
                }
                boolean placed = inMain ? input.inRegion(d.getLineNumber())
                        : input.errorFiles().contains(fileNames.get(d.getSource().toUri()));
                if (!placed) {
                    problem("error-outside-the-interface", describe(d));
                }
            }
            for (String id : input.requiredIds()) {
                if (!seen.contains(id)) {
                    problem("missing-id", "no [Pipeline/" + id + "] for " + input.mutations() + "; errors: "
                            + errors.stream().map(PipelineFuzzTest::describe).collect(Collectors.joining("\n")));
                }
            }
            if (input.missingTypeReported() && !javacSawTheMissingType) {
                problem("missing-type-unreported", errors.stream().map(PipelineFuzzTest::describe)
                        .collect(Collectors.joining("\n")));
            }
            if (all.stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
                problem("failed-without-an-error", "compilation failed without an error");
            } else if (input.silentBecause() == null && processorErrors == 0 && !errors.isEmpty()
                    && probe.written.isEmpty()) {
                // a missing type too: the processor reports it in the last round (RandomPipelines.silentBecause)
                problem("no-pipeline-error", "only javac's errors" + (input.missingType() ? " (with a missing type)" : "")
                        + ": " + errors.stream().map(PipelineFuzzTest::describe).collect(Collectors.joining("\n")));
            }
            if (input.expect() == Expect.REJECTED && !input.wiringAllowed() && probe.written.contains(input.wiringBinaryName())) {
                problem("wiring-for-invalid", "wrote " + input.wiringBinaryName() + " for " + input.mutations());
            }
        }

        private void compiled(Compilation compilation, WiringProbe probe) {
            if (input.expect() == Expect.REJECTED) {
                if (input.features().contains("lone-local") && probe.written.isEmpty()) {
                    // javac calls a processor only for annotations outside method bodies: with a local
                    // pipeline alone, nothing runs and nothing is written (a documented limitation)
                    return;
                }
                problem("invalid-accepted", "compiled although " + input.mutations());
                return;
            }
            List<String> warnings = new ArrayList<>();
            List<String> generatedWarnings = new ArrayList<>();
            JavaFileObject generatedFile = null;
            for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    if (d.getSource() != null && !inputUris.contains(d.getSource().toUri())) {
                        generatedWarnings.add(describe(d));
                        generatedFile = d.getSource();
                    } else {
                        warnings.add(describe(d));
                    }
                }
            }
            if (!generatedWarnings.isEmpty()) {
                problem("warning-in-generated-code", String.join("\n", generatedWarnings) + "\n" + text(generatedFile));
            }
            if (!warnings.isEmpty()) {
                problem("warning", String.join("\n", warnings));
            }
            if (!probe.written.contains(input.wiringBinaryName())) {
                problem("no-wiring", "compiled, but " + input.wiringBinaryName() + " was not written; written: "
                        + probe.written);
                return;
            }
            AtomicReference<Run> made = new AtomicReference<>();
            Future<?> run = runner.submit(() -> {
                made.set(new Run(input, compilation));
                made.get().check();
                return null;
            });
            long began = System.nanoTime();
            try {
                run.get(RUN_BOUND.toSeconds(), TimeUnit.SECONDS);
                outcome.runNanos = System.nanoTime() - began;
                outcome.ran = true;
                outcome.injectedFailure = input.failStep() >= 0;
                if (made.get().stop != null) {
                    outcome.stop = made.get().stop + (outcome.injectedFailure ? "+failure" : "") + " -> "
                            + made.get().ending;
                }
            } catch (TimeoutException hung) {
                run.cancel(true);
                problem("run-hangs", "the run did not end within " + RUN_BOUND);
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                problem(cause instanceof AssertionError ? "wrong-run" : "run-failed",
                        cause instanceof AssertionError ? cause.getMessage() : trace(cause));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            if (made.get() != null && !made.get().wrongCalls.isEmpty()) { // whatever the run's outcome
                problem("wrong-method-called",
                        made.get().wrongCalls.stream().distinct().collect(Collectors.joining("\n")));
            }
        }
    }

    /** Runs a compiled input's wiring against its model; throws AssertionError when they differ. */
    private static final class Run {
        private final Input input;
        private final Class<?> pipeline;
        private final Class<?> wiring;
        private final RandomPipelines.Items items;
        private final Map<String, Set<String>> threads = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Object> sunk = new ConcurrentLinkedQueue<>();
        private final Random random;
        /** Draws the stop, apart from {@link #random}, so that the runs without a stop stay as they were. */
        private final Random stops;
        /** The stop from outside this run gets, or null; see {@link #stopOf}. */
        final Fault stop;
        /** With a stop: how it ended (normal, failed or cancelled), for the summary. */
        volatile String ending;
        /** With a stop: its plan and the shared stops and checks; null without. */
        private FaultPlan plan;
        private FaultHarness harness;
        /** With a stop: the items each step has taken (a source: produced), by index. */
        private AtomicInteger[] taken;
        /** How many times the failing step threw its failure, and the last thread that did. */
        private final AtomicInteger thrownCount = new AtomicInteger();
        private volatile String thrownIn;
        /** What the drainer of an open output received, in order. */
        private final ConcurrentLinkedQueue<Object> drained = new ConcurrentLinkedQueue<>();
        /** Calls of methods named like a step that are not the step (see {@link #wrongCall}); any worker adds. */
        final ConcurrentLinkedQueue<String> wrongCalls = new ConcurrentLinkedQueue<>();

        Run(Input input, Compilation compilation) throws ReflectiveOperationException {
            this.input = input;
            this.random = new Random(input.seed() ^ 0x5DEECE66DL);
            this.stops = new Random(input.seed() * 0x9E3779B97F4A7C15L + 0x570B);
            this.stop = stopOf(stops);
            ClassLoader loader = new CompiledPipeline.GeneratedClassLoader(compilation, PipelineFuzzTest.class.getClassLoader());
            this.pipeline = loader.loadClass(input.interfaceBinaryName());
            this.wiring = loader.loadClass(input.wiringBinaryName());
            if (input.recordBinaryName() != null) {
                Constructor<?> constructor = loader.loadClass(input.recordBinaryName())
                        .getDeclaredConstructor(String.class, int.class);
                constructor.setAccessible(true);
                this.items = (name, n) -> {
                    try {
                        return constructor.newInstance(name, n);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                };
            } else {
                this.items = (name, n) -> {
                    throw new IllegalStateException("no record in this input");
                };
            }
        }

        void check() throws Exception {
            int modifiers = wiring.getModifiers();
            check(Modifier.isPublic(modifiers) && Modifier.isFinal(modifiers), wiring + " is not public final");

            List<Step> steps = input.steps();
            List<Object> values = input.hasSource() ? RandomPipelines.sourceValues(steps.get(0), items)
                    : RandomPipelines.feedValues(input.feedType(), input.feedCount(), input.feedSalt(), items);
            List<Object> inputs = input.hasSource() ? List.of() : List.copyOf(values);
            boolean failureReached = input.failStep() == 0 && input.hasSource();
            int[] arrivals = new int[steps.size()]; // what each step takes (a source: produces) if nothing stops
            arrivals[0] = values.size();
            for (int i = input.hasSource() ? 1 : 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                arrivals[i] = values.size();
                if (i == input.failStep() && !values.isEmpty()) {
                    failureReached = true;
                }
                List<Object> next = new ArrayList<>();
                for (Object v : values) {
                    Object received = RandomPipelines.coerce(v, step.param);
                    if (step.role == Role.SINK) {
                        next.add(received);
                    } else {
                        next.addAll(RandomPipelines.outputs(step, received, items));
                    }
                }
                values = next;
            }
            boolean ordered = steps.stream().allMatch(s -> s.workers == 1);
            Throwable failure = input.failStep() < 0 ? null : failure(steps.get(input.failStep()));
            if (stop != null) {
                stopped(failure, values, inputs, arrivals, ordered);
                return;
            }

            Object implementation = implementation(failure);
            boolean useStart = failure == null && random.nextInt(100) < 40;
            List<Object> got;
            PipelineFailedException failed = null;
            try {
                got = useStart ? viaStart(implementation, inputs) : viaRun(implementation, inputs);
            } catch (PipelineFailedException e) {
                failed = e;
                got = null;
            }
            assertNoThreadLeft();
            assertThreadNames(steps);
            if (failureReached) {
                check(failed != null, "the failure injected in " + steps.get(input.failStep()).name
                        + " did not fail the run");
                check(failed.stage().equals(steps.get(input.failStep()).name), "failed.stage() is " + failed.stage()
                        + ", the failing step is " + steps.get(input.failStep()).name);
                check(failed.pipeline().equals(input.interfaceSimpleName()), "failed.pipeline() is " + failed.pipeline());
                check(failed.getCause() == failure, "the cause is " + failed.getCause() + ", not " + failure);
                return;
            }
            if (failed != null) {
                throw new AssertionError("the run failed: " + trace(failed));
            }
            if (input.hasSink()) {
                got = new ArrayList<>(sunk);
            }
            compare(values, got, ordered, useStart);
        }

        /**
         * One run in two of a valid input is stopped from outside, evenly by {@code cancel()},
         * by interrupting the caller in {@code await()} and then {@code close()}, and by {@code
         * close()} from other threads: drawn from the input's seed, so {@code -Dfuzz.input}
         * replays the input with its stop; {@code -Dfuzz.skip=stops} turns them off.
         */
        private static Fault stopOf(Random stops) {
            if (RandomPipelines.SKIP.contains("stops")) {
                return null;
            }
            switch (stops.nextInt(6)) {
                case 0:
                    return Fault.CANCEL;
                case 1:
                    return Fault.INTERRUPT_AWAIT;
                case 2:
                    return Fault.CLOSE;
                default:
                    return null;
            }
        }

        /**
         * The run under {@link #stop}, with the fault-injection test's stops and checks ({@link
         * FaultPlan#stopping}, {@link FaultHarness}): started, fed and drained by helper threads
         * while the caller waits in {@code await()}, stopped at the plan's moment; then it must
         * have been cancelled, or failed by the injected failure, or (if it ended before the
         * stop) delivered every value exactly once. Whatever the outcome, what was delivered is
         * part of what a run that nothing stops delivers (in its order, if every step has one
         * worker), every worker that waited for the stop was released, and no thread is left.
         */
        private void stopped(Throwable failure, List<Object> expected, List<Object> inputs, int[] arrivals,
                boolean ordered) throws Exception {
            List<Step> steps = input.steps();
            int offered = input.hasSource() ? arrivals[0] : inputs.size();
            plan = FaultPlan.stopping(stop, offered, arrivals, stops);
            String label = "[fuzz.input=" + input.seed() + " " + plan.describe(i -> steps.get(i).name, input.hasSource(),
                    input.hasSink()) + (failure == null ? "" : " and " + steps.get(input.failStep()).name + " fails") + "]";
            harness = new FaultHarness(label, input.interfaceSimpleName(), plan, RUN_BOUND.minusSeconds(5));
            taken = new AtomicInteger[steps.size()];
            Arrays.setAll(taken, i -> new AtomicInteger());
            Object implementation = implementation(failure);
            PipelineRun started;
            try {
                started = (PipelineRun) wiring.getMethod("start", pipeline).invoke(null, implementation);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
            boolean checked = false;
            try {
                FaultHarness.Helper feeder = input.hasSource() ? null : harness.helper("feeder", () -> feed(started, inputs));
                if (!input.hasSink()) {
                    harness.helper("drainer", () -> drain(started));
                }
                FaultHarness.Helper caller = harness.helper("caller", () -> {
                    harness.awaitEnd(started);
                    return null;
                });
                harness.awaitStopMoment(started, true,
                        () -> steps.get(plan.triggerStep).name + " (taken " + Arrays.toString(taken) + ")");
                Throwable thrown;
                switch (stop) {
                    case CANCEL:
                        harness.cancel(started, caller, stops.nextBoolean());
                        thrown = caller.thrown;
                        harness.noThreadAlive("after await() returned or threw");
                        started.close();
                        harness.noThreadAlive("after close()");
                        break;
                    case CLOSE: // the harness checks that close() ended every thread
                        harness.closeFromOtherThreads(started, caller);
                        thrown = caller.thrown;
                        break;
                    default: // as here: after close(), no thread alive
                        thrown = harness.interruptAwait(started, caller, true);
                }
                harness.joinHelpers();
                ending = harness.stopped(thrown, failure == null ? null : steps.get(input.failStep()).name, failure,
                        thrownCount.get(), thrownIn, true);
                harness.checkReleased();
                assertThreadNames(steps);
                if (VERBOSE) {
                    System.out.println("stopped: " + label + " -> " + ending);
                }
                List<Object> got = new ArrayList<>(input.hasSink() ? sunk : drained);
                if (ending.equals("normal")) {
                    check(feeder == null || "fed".equals(feeder.result), label + " a run that ended normally took"
                            + " every value fed, but the feeder was " + (feeder == null ? null : feeder.result));
                    try {
                        compare(expected, got, ordered, true);
                    } catch (AssertionError wrong) {
                        throw new AssertionError(label + " ended normally, " + wrong.getMessage(), wrong);
                    }
                } else {
                    part(expected, got, ordered, label);
                }
                checked = true;
            } finally {
                if (!checked) {
                    harness.abandon(started);
                }
            }
        }

        /** An open input's feeder: sends every value, unless the stop disconnects it, then closes input(). */
        private Object feed(PipelineRun run, List<Object> inputs) throws InterruptedException {
            @SuppressWarnings("unchecked")
            Sender<Object> in = ((PipelineRun.WithInput<Object>) run).input();
            try (Sender<Object> handle = in) {
                for (Object v : inputs) {
                    handle.send(v);
                }
                return "fed";
            } catch (DisconnectedException stopped) {
                return "disconnected";
            }
        }

        /** An open output's drainer: receives until the last step has ended, with for-each or recv(). */
        private Object drain(PipelineRun run) throws InterruptedException {
            @SuppressWarnings("unchecked")
            Receiver<Object> out = ((PipelineRun.WithOutput<Object>) run).output();
            if (plan.iterateOutput) {
                for (Object v : out) {
                    drained.add(v);
                }
                return "ended";
            }
            while (true) {
                try {
                    drained.add(out.recv());
                } catch (DisconnectedException end) {
                    return "ended";
                }
            }
        }

        /**
         * What a stopped run delivered is part of what a run that nothing stops delivers: a
         * prefix of it if every step has one worker, else a sub-multiset.
         */
        private static void part(List<Object> expected, List<Object> got, boolean ordered, String label) {
            List<String> want = expected.stream().map(RandomPipelines::canonical).collect(Collectors.toList());
            List<String> have = got.stream().map(RandomPipelines::canonical).collect(Collectors.toList());
            if (ordered) {
                check(have.size() <= want.size() && want.subList(0, have.size()).equals(have), label + " a stopped run"
                        + " with one worker per step delivers a prefix of the values, in order; expected a prefix of "
                        + abbreviate(want) + "\ngot: " + abbreviate(have));
                return;
            }
            Map<String, Integer> left = new HashMap<>();
            want.forEach(v -> left.merge(v, 1, Integer::sum));
            for (String v : have) {
                check(left.merge(v, -1, Integer::sum) >= 0, label + " a stopped run delivered " + v + " more often"
                        + " than a run that nothing stops: expected part of " + abbreviate(want) + "\ngot: "
                        + abbreviate(have));
            }
        }

        private static Throwable failure(Step step) {
            if ("io".equals(step.throwable)) {
                return new IOException("fuzz failure in " + step.name);
            }
            if ("timeout".equals(step.throwable)) {
                return new TimeoutException("fuzz failure in " + step.name);
            }
            return new IllegalStateException("fuzz failure in " + step.name);
        }

        private Object implementation(Throwable failure) {
            Map<String, Step> byName = new HashMap<>();
            Map<Step, Integer> indexOf = new HashMap<>();
            for (Step s : input.steps()) {
                byName.put(s.name, s);
                indexOf.put(s, indexOf.size());
            }
            Step failing = input.failStep() < 0 ? null : input.steps().get(input.failStep());
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    if (byName.containsKey(method.getName()) && method.getParameterCount() > 0) {
                        throw wrongCall(method); // equals(Object), where a step equals(int) was meant
                    }
                    switch (method.getName()) {
                        case "toString":
                            return "fuzz steps of " + input.interfaceSimpleName();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            return proxy == args[0];
                    }
                }
                Step s = byName.get(method.getName());
                if (s == null) {
                    throw new IllegalStateException("the wiring called " + method + ", which is not a step");
                }
                if (!Modifier.isAbstract(method.getModifiers())) {
                    throw wrongCall(method); // a default method named like the step, which would reach its body here
                }
                threads.computeIfAbsent(s.name, k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                try {
                    Object result = call(s, indexOf.get(s), s == failing ? failure : null,
                            args == null ? new Object[0] : args);
                    return s.role == Role.SOURCE ? as(method.getReturnType(), result) : result;
                } catch (InterruptedException stopped) {
                    // Only a stop interrupts a step. A method that cannot throw it says so unchecked,
                    // as a user's would: with a stop signal, never a failure of its own.
                    if (Arrays.stream(method.getExceptionTypes()).anyMatch(t -> t.isAssignableFrom(InterruptedException.class))) {
                        throw stopped;
                    }
                    Thread.currentThread().interrupt();
                    throw (CancellationException) new CancellationException(s.name + " was interrupted by the stop")
                            .initCause(stopped);
                }
            };
            // The proxy of a public interface lives in a module of its own, which cannot reach a
            // package-private type a step returns (a custom source's Rows declared at the end of
            // the file); with such a type among its interfaces it is defined in that type's package.
            Set<Class<?>> interfaces = new LinkedHashSet<>(List.of(pipeline));
            for (Method method : pipeline.getMethods()) {
                Class<?> returned = method.getReturnType();
                if (returned.isInterface() && !Modifier.isPublic(returned.getModifiers())) {
                    interfaces.add(returned);
                }
            }
            return Proxy.newProxyInstance(pipeline.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
        }

        /** Notes a call of a method that shares a step's name instead of the step; the error fails that call too. */
        private AssertionError wrongCall(Method method) {
            String message = "the wiring called " + method.toGenericString() + " instead of the step of that name";
            wrongCalls.add(message);
            return new AssertionError(message);
        }

        /**
         * A source's Iterable or Iterator as the type its method returns: itself, or for a custom
         * subtype declared with the input ({@code interface Grid<T> extends Iterable<List<List<T>>>
         * {}}) a proxy of that interface that delegates every call to it. A stop's interrupt that
         * reaches the proxy is reported unchecked, as a step does whose method cannot throw it.
         */
        private static Object as(Class<?> type, Object value) {
            if (value == null || type.isInstance(value)) {
                return value;
            }
            InvocationHandler delegate = (proxy, method, args) -> {
                try {
                    return method.invoke(value, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw (CancellationException) new CancellationException(method.getName() + " was interrupted"
                                + " by the stop").initCause(e.getCause());
                    }
                    throw e.getCause();
                }
            };
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, delegate);
        }

        /** One call of step {@code s}, number {@code index}; it throws {@code failure} if not null. */
        private Object call(Step s, int index, Throwable failure, Object[] a) throws Throwable {
            if (harness != null && s.role != Role.SOURCE) {
                harness.atItem(index, taken[index].incrementAndGet(), NOTHING);
            }
            if (failure != null) {
                thrownCount.incrementAndGet();
                thrownIn = Thread.currentThread().getName();
                throw failure;
            }
            switch (s.role) {
                case SOURCE: {
                    List<Object> values = RandomPipelines.sourceValues(s, items);
                    switch (s.shape) {
                        case STREAM:
                            return harness == null ? values.stream()
                                    : StreamSupport.stream(Spliterators.spliteratorUnknownSize(counted(index, values),
                                            Spliterator.ORDERED), false);
                        case ITERABLE:
                            return harness == null ? new ArrayList<>(values) : new AbstractList<Object>() {
                                @Override
                                public Object get(int i) {
                                    return values.get(i);
                                }

                                @Override
                                public int size() {
                                    return values.size();
                                }

                                @Override
                                public Iterator<Object> iterator() {
                                    return counted(index, values);
                                }
                            };
                        case ITERATOR:
                            return harness == null ? values.iterator() : counted(index, values);
                        default:
                            if (harness == null) {
                                sendAll(a[0], values);
                            } else {
                                @SuppressWarnings("unchecked")
                                Sender<Object> out = (Sender<Object>) a[0];
                                for (Object v : values) {
                                    harness.atItem(index, taken[index].incrementAndGet(), NOTHING);
                                    out.send(v);
                                }
                            }
                            return null;
                    }
                }
                case STAGE: {
                    List<Object> out = RandomPipelines.outputs(s, a[0], items);
                    switch (s.shape) {
                        case VALUE:
                            return out.get(0);
                        case OPTIONAL:
                            return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
                        case STREAM:
                            return out.stream();
                        default:
                            sendAll(a[1], out);
                            return null;
                    }
                }
                default:
                    sunk.add(a[0]);
                    return null;
            }
        }

        private static final Runnable NOTHING = () -> { };

        /** A source's values, each counted as an item of step {@code index} as it is taken. */
        private Iterator<Object> counted(int index, List<Object> values) {
            Iterator<Object> all = values.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public Object next() {
                    Object value = all.next();
                    try {
                        harness.atItem(index, taken[index].incrementAndGet(), NOTHING);
                    } catch (InterruptedException stopped) {
                        throw FaultHarness.sneaky(stopped);
                    }
                    return value;
                }
            };
        }

        private static void sendAll(Object sender, List<Object> values) throws InterruptedException {
            @SuppressWarnings("unchecked")
            Sender<Object> out = (Sender<Object>) sender;
            for (Object v : values) {
                out.send(v);
            }
        }

        @SuppressWarnings("unchecked")
        private List<Object> viaRun(Object implementation, List<Object> inputs) throws Exception {
            Method run = input.hasSource() ? wiring.getMethod("run", pipeline) : wiring.getMethod("run", pipeline, Iterable.class);
            check(Modifier.isStatic(run.getModifiers()), "run is not static");
            try {
                Object result = input.hasSource() ? run.invoke(null, implementation) : run.invoke(null, implementation, inputs);
                check(input.hasSink() == (result == null), "run returned " + result);
                return (List<Object>) result;
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
        }

        @SuppressWarnings("unchecked")
        private List<Object> viaStart(Object implementation, List<Object> inputs) throws Exception {
            Method start = wiring.getMethod("start", pipeline);
            List<Object> drained = new ArrayList<>();
            PipelineRun started;
            try {
                started = (PipelineRun) start.invoke(null, implementation);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
            try (PipelineRun run = started) {
                Thread feeder = null;
                AtomicReference<Throwable> feedFailure = new AtomicReference<>();
                if (!input.hasSource()) {
                    Sender<Object> in = ((PipelineRun.WithInput<Object>) run).input();
                    Runnable feed = () -> {
                        try (Sender<Object> handle = in) {
                            for (Object v : inputs) {
                                handle.send(v);
                            }
                        } catch (Throwable t) {
                            feedFailure.set(t);
                        }
                    };
                    if (input.hasSink()) {
                        feed.run();
                    } else {
                        feeder = new Thread(feed, "fuzz-feeder");
                        feeder.start();
                    }
                }
                if (!input.hasSink()) {
                    Receiver<Object> out = ((PipelineRun.WithOutput<Object>) run).output();
                    for (Object v : out) {
                        drained.add(v);
                    }
                }
                if (feeder != null) {
                    feeder.join();
                }
                if (feedFailure.get() != null) {
                    throw new AssertionError("feeding input() failed: " + trace(feedFailure.get()));
                }
                run.await();
                check(run.isDone(), "isDone() is false after await()");
            }
            return drained;
        }

        private void assertNoThreadLeft() {
            List<String> alive = FaultHarness.alive(input.interfaceSimpleName());
            check(alive.isEmpty(), "threads alive after the run: " + alive);
        }

        private void assertThreadNames(List<Step> steps) {
            for (Step s : steps) {
                for (String name : threads.getOrDefault(s.name, Set.of())) {
                    check(FaultHarness.isWorkerName(name, input.interfaceSimpleName(), s.name, s.workers),
                            "step " + s.name + " (workers = " + s.workers + ") ran on thread " + name);
                }
            }
        }

        private void compare(List<Object> expected, List<Object> got, boolean ordered, boolean useStart) {
            List<String> want = expected.stream().map(RandomPipelines::canonical).collect(Collectors.toList());
            List<String> have = got.stream().map(RandomPipelines::canonical).collect(Collectors.toList());
            if (!ordered) {
                Collections.sort(want);
                Collections.sort(have);
            }
            if (!want.equals(have)) {
                int i = 0;
                while (i < Math.min(want.size(), have.size()) && want.get(i).equals(have.get(i))) {
                    i++;
                }
                throw new AssertionError("via " + (useStart ? "start" : "run") + (ordered ? ", in order" : ", as a multiset")
                        + ": expected " + want.size() + " values, got " + have.size() + "; first difference at " + i
                        + ": expected " + (i < want.size() ? want.get(i) : "<end>") + ", got "
                        + (i < have.size() ? have.get(i) : "<end>") + "\nexpected: " + abbreviate(want)
                        + "\ngot:      " + abbreviate(have));
            }
        }

        /** What the wiring threw, to rethrow: an exception as it is, an error as it is. */
        private static Exception unwrap(InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            return cause instanceof Exception ? (Exception) cause : e;
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new AssertionError(message);
            }
        }
    }

    // ---- reporting

    /** One line per kind of problem: how many, and an input to reproduce it. */
    private static String brief(Map<String, List<Problem>> problems) {
        return problems.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().size() + " (e.g. -Dfuzz.input=" + e.getValue().get(0).input.seed()
                        + ": " + firstLine(e.getValue().get(0).detail) + ")")
                .collect(Collectors.joining("\n"));
    }

    private static String report(long seed, Map<String, List<Problem>> problems) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Problem>> kind : problems.entrySet()) {
            List<Problem> all = kind.getValue();
            out.append("\n==== ").append(kind.getKey()).append(": ").append(all.size()).append(" (fuzz.seed=").append(seed)
                    .append(")\n");
            Map<String, Problem> smallest = new LinkedHashMap<>(); // by first line of the detail
            for (Problem p : all) {
                String key = signature(p.detail);
                Problem best = smallest.get(key);
                if (best == null || p.input.main().length() < best.input.main().length()) {
                    smallest.put(key, p);
                }
            }
            int shown = 0;
            for (Problem p : smallest.values()) {
                if (shown++ == EXAMPLES) {
                    out.append("... and ").append(smallest.size() - EXAMPLES).append(" other variants\n");
                    break;
                }
                out.append("-- fuzz.input=").append(p.input.seed()).append(" ").append(p.input.expect())
                        .append(" mutations=").append(p.input.mutations()).append(" features=")
                        .append(p.input.features()).append('\n')
                        .append(p.detail.length() > 6000 ? p.detail.substring(0, 6000) + "..." : p.detail).append('\n')
                        .append(p.input.listing());
            }
        }
        return out.toString();
    }

    /** What tells two problems of a kind apart: the first line, without numbers and quoted names. */
    private static String signature(String detail) {
        return firstLine(detail).replaceAll("^\\S+:-?\\d+: ", "").replaceAll("\\d+", "#").replaceAll("\"[^\"]*\"", "\"\"");
    }

    private static String describe(Input input) {
        return "fuzz.input=" + input.seed() + " " + input.expect() + " mutations=" + input.mutations() + " allowed="
                + input.allowedIds() + " required=" + input.requiredIds() + " features=" + input.features()
                + (input.silentBecause() == null ? "" : " silent=\"" + input.silentBecause() + "\"")
                + " regions=" + input.regions().stream().map(r -> r[0] + "-" + r[1]).collect(Collectors.toList())
                + " wiring=" + input.wiringBinaryName() + " steps=" + input.steps() + " fail=" + input.failStep()
                + "\n" + input.listing();
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        return d.getKind() + " " + d.getCode() + " " + (d.getSource() == null ? "<no file>" : d.getSource().getName())
                + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
    }

    private static String idOf(String message) {
        Matcher m = ID.matcher(message);
        return m.find() ? m.group(1) : "<no id>";
    }

    private static String text(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException | RuntimeException e) {
            return "<unreadable: " + e + ">";
        }
    }

    private static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String abbreviate(List<String> values) {
        String all = values.toString();
        return all.length() > 400 ? all.substring(0, 400) + "..." : all;
    }
}
