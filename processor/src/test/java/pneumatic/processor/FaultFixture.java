package pneumatic.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.channel.Sender;

/**
 * One interface of {@code src/test/resources/faults/}, described the way
 * {@link PipelineFaultInjectionTest} drives it: its steps in order, their shapes and worker
 * counts, and what a run should deliver for the values it was offered.
 *
 * <p>Every stage computes a pure function of its input, so the values a run delivers can be
 * computed sequentially and compared with what the run delivered, whatever order its workers took.
 * Each stage appends one segment to the value ({@code "s7" -> "s7.1" -> "s7.1.2b"}), so every
 * value that reaches the end is distinct and names the source value it came from.
 */
final class FaultFixture {

    /** A step's signature, which decides how the test implements it. */
    enum Shape {
        ITERABLE, ITERATOR, STREAM_SOURCE, SENDER_SOURCE, VALUE, OPTIONAL, STREAM, SENDER, SINK;

        boolean isSource() {
            return this == ITERABLE || this == ITERATOR || this == STREAM_SOURCE || this == SENDER_SOURCE;
        }

        boolean isStage() {
            return this == VALUE || this == OPTIONAL || this == STREAM || this == SENDER;
        }

        /** Whether the step can emit several values per input, and so fail after some of them. */
        boolean emitsMany() {
            return this == STREAM || this == SENDER;
        }
    }

    /** One step: its method name, its shape and its {@code workers}. */
    record Step(String name, Shape shape, int workers) {}

    private final String name;
    private final List<Step> steps;

    /** Compiled on first use, by the test thread only. */
    private CompiledPipeline compiled;

    private FaultFixture(String name, Step... steps) {
        this.name = name;
        this.steps = List.of(steps);
    }

    /** Every fixture of {@code faults/}, as its interface declares it. */
    static List<FaultFixture> all() {
        return List.of(
                new FaultFixture("Mesh", step("numbers", Shape.STREAM_SOURCE, 1), step("spread", Shape.SENDER, 3),
                        step("keep", Shape.OPTIONAL, 2), step("mark", Shape.VALUE, 4), step("split", Shape.STREAM, 2),
                        step("store", Shape.SINK, 3)),
                new FaultFixture("Relay", step("items", Shape.ITERABLE, 1), step("upper", Shape.VALUE, 2),
                        step("take", Shape.SINK, 4)),
                new FaultFixture("Ticker", step("ticks", Shape.ITERATOR, 1), step("burst", Shape.STREAM, 3),
                        step("odd", Shape.OPTIONAL, 2), step("tally", Shape.SINK, 2)),
                new FaultFixture("Pump", step("pump", Shape.SENDER_SOURCE, 1), step("screen", Shape.OPTIONAL, 2),
                        step("fan", Shape.SENDER, 4), step("drain", Shape.SINK, 2)),
                new FaultFixture("Chain", step("links", Shape.ITERATOR, 1), step("first", Shape.VALUE, 1),
                        step("second", Shape.SENDER, 1), step("third", Shape.OPTIONAL, 1),
                        step("fourth", Shape.STREAM, 1), step("last", Shape.SINK, 1)),
                new FaultFixture("Intake", step("clean", Shape.VALUE, 2), step("words", Shape.SENDER, 3),
                        step("file", Shape.SINK, 2)),
                new FaultFixture("Outlet", step("emit", Shape.SENDER_SOURCE, 1), step("expand", Shape.STREAM, 3),
                        step("tag", Shape.VALUE, 2)),
                new FaultFixture("Conduit", step("admit", Shape.OPTIONAL, 2), step("route", Shape.SENDER, 3)),
                new FaultFixture("Tap", step("pass", Shape.VALUE, 1)),
                new FaultFixture("Spring", step("water", Shape.ITERABLE, 1)));
    }

    private static Step step(String name, Shape shape, int workers) {
        return new Step(name, shape, workers);
    }

    /** The interface's simple name: the prefix of its threads' names, and the failures' pipeline(). */
    String name() {
        return name;
    }

    List<Step> steps() {
        return steps;
    }

    Step step(int index) {
        return steps.get(index);
    }

    boolean hasSource() {
        return steps.get(0).shape().isSource();
    }

    boolean hasSink() {
        return steps.get(steps.size() - 1).shape() == Shape.SINK;
    }

    /** Whether every step runs on one thread, so that the run keeps the order of its input. */
    boolean singleWorker() {
        return steps.stream().allMatch(s -> s.workers() == 1);
    }

    /** The interface compiled with the processor, its shapes checked against this description. */
    CompiledPipeline compiled() {
        if (compiled == null) {
            String file = "faults/" + name + ".java";
            String source;
            try (InputStream in = FaultFixture.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new AssertionError("no test resource " + file);
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            compiled = CompiledPipeline.fromSource("fixtures." + name, "fixtures." + name + "Wiring", source);
        }
        return compiled;
    }

    /**
     * Checks that the compiled interface has exactly the steps described here, with these shapes
     * ({@code workers} is checked by the thread names each run sees).
     */
    void checkShapes(Class<?> pipeline) {
        for (Method method : pipeline.getMethods()) {
            Step step = steps.stream().filter(s -> s.name().equals(method.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + "." + method.getName() + " is not described"));
            Class<?> returns = method.getReturnType();
            Class<?>[] takes = method.getParameterTypes();
            boolean fits;
            switch (step.shape()) {
                case ITERABLE -> fits = takes.length == 0 && Iterable.class.isAssignableFrom(returns);
                case ITERATOR -> fits = takes.length == 0 && returns == Iterator.class;
                case STREAM_SOURCE -> fits = takes.length == 0 && returns == Stream.class;
                case SENDER_SOURCE -> fits = returns == void.class && takes.length == 1 && takes[0] == Sender.class;
                case VALUE -> fits = takes.length == 1 && returns == String.class;
                case OPTIONAL -> fits = takes.length == 1 && returns == Optional.class;
                case STREAM -> fits = takes.length == 1 && returns == Stream.class;
                case SENDER -> fits = returns == void.class && takes.length == 2 && takes[1] == Sender.class;
                case SINK -> fits = returns == void.class && takes.length == 1;
                default -> throw new AssertionError(step.shape());
            }
            if (!fits) {
                throw new AssertionError(name + "." + method.getName() + " is not a " + step.shape() + " step");
            }
        }
        if (pipeline.getMethods().length != steps.size()) {
            throw new AssertionError(name + " has " + pipeline.getMethods().length + " steps, described "
                    + steps.size());
        }
    }

    /** The {@code i}-th value a source or feeder offers, from 0. */
    static String value(int i) {
        return "s" + i;
    }

    /** The index of the source value that {@code delivered} came from. */
    static int sourceIndex(String delivered) {
        int dot = delivered.indexOf('.');
        return Integer.parseInt(delivered.substring(1, dot < 0 ? delivered.length() : dot));
    }

    /** What the stage at {@code index} emits for {@code value}, in order; {@code salt} varies the runs. */
    List<String> emit(int index, String value, int salt) {
        Shape shape = steps.get(index).shape();
        switch (shape) {
            case VALUE:
                return List.of(value + "." + index);
            case OPTIONAL:
                return mix(value, index, salt) % 4 == 0 ? List.of() : List.of(value + "." + index);
            case STREAM:
            case SENDER:
                int n = mix(value, index, salt) % 4;
                List<String> out = new ArrayList<>(n);
                for (int c = 0; c < n; c++) {
                    out.add(value + "." + index + (char) ('a' + c));
                }
                return out;
            default:
                throw new IllegalArgumentException(steps.get(index) + " is not a stage");
        }
    }

    /** Every value that reaches the end of the pipeline (its sink or output()) from one offered value. */
    List<String> delivered(String offered, int salt) {
        List<String> current = List.of(offered);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).shape().isStage()) {
                List<String> next = new ArrayList<>();
                for (String v : current) {
                    next.addAll(emit(i, v, salt));
                }
                current = next;
            }
        }
        return current;
    }

    /** What a sequential run delivers for these offered values, in order. */
    List<String> delivered(List<String> offered, int salt) {
        List<String> all = new ArrayList<>();
        for (String v : offered) {
            all.addAll(delivered(v, salt));
        }
        return all;
    }

    /**
     * How many values enter each step when the first {@code count} values are offered: for a
     * source, the values it produces.
     */
    int[] arrivals(int count, int salt) {
        int[] arrivals = new int[steps.size()];
        List<String> current = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            current.add(value(i));
        }
        for (int i = 0; i < steps.size(); i++) {
            arrivals[i] = current.size();
            if (steps.get(i).shape().isStage()) {
                List<String> next = new ArrayList<>();
                for (String v : current) {
                    next.addAll(emit(i, v, salt));
                }
                current = next;
            }
        }
        return arrivals;
    }

    /** A well-spread hash of (value, step, salt), never negative. */
    private static int mix(String value, int index, int salt) {
        int z = value.hashCode() + index * 0x9E3779B9 + salt;
        z ^= z >>> 16;
        z *= 0x85EBCA6B;
        z ^= z >>> 13;
        z *= 0xC2B2AE35;
        z ^= z >>> 16;
        return z & Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return name;
    }
}
