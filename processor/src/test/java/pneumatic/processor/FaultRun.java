package pneumatic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static pneumatic.processor.FaultHarness.isWorkerName;
import static pneumatic.processor.FaultHarness.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import pneumatic.PipelineFailedException;
import pneumatic.PipelineRun;
import pneumatic.channel.DisconnectedException;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;
import pneumatic.processor.FaultFixture.Shape;
import pneumatic.processor.FaultFixture.Step;
import pneumatic.processor.FaultHarness.Helper;
import pneumatic.processor.FaultPlan.Fault;
import pneumatic.processor.FaultPlan.Injection;
import pneumatic.processor.FaultPlan.Mode;

/**
 * One run of {@link PipelineFaultInjectionTest}: implements the fixture's steps so that they
 * inject the plan's fault, drives the run (and its feeder, drainer, closer threads, all named
 * {@code fault-*}), and checks the outcome, the values delivered and that no thread of the run
 * is left. What does not depend on the fixture's values (the helper threads, the stop moment,
 * the stops from outside, the outcome checks) is in {@link FaultHarness}, which the fuzzer uses
 * too. Every assertion message starts with the run's label (seed, run number, fixture, plan).
 */
final class FaultRun {

    private final FaultFixture fixture;
    private final FaultPlan plan;
    private final String label;
    private final Random rnd;
    /** The helper threads, the stop moment, the stops and the outcome checks, shared with the fuzzer. */
    private final FaultHarness harness;

    /** The most values a run records: an endless run that takes long to stop delivers millions. */
    private static final int RECORDED = 100_000;

    /** Items taken per step (index), the last slot for {@link FaultPlan#INPUT}. */
    private final AtomicInteger[] arrivals;
    /** What the sink took, or the drainer received, in the order they came; the first RECORDED. */
    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    /** What the feeder sent successfully, in order; written by the feeder only. */
    private final List<String> fed = Collections.synchronizedList(new ArrayList<>());
    /** The threads each step ran on. */
    private final Map<String, Set<String>> threadsOf = new ConcurrentHashMap<>();
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final AtomicInteger streamsClosed = new AtomicInteger();
    /** Opened once the caller has its outcome: a paused drainer then drains the rest. */
    private final CountDownLatch outcomeKnown = new CountDownLatch(1);

    /** The run, once started, so that a failed check can still close it. */
    private volatile PipelineRun run;
    /** From the stop (cancel, close, interrupt) to the end of the caller's wait; -1: no stop. */
    private volatile long stopLatency = -1;

    FaultRun(FaultFixture fixture, FaultPlan plan, String label, Random rnd, Duration bound) {
        this.fixture = fixture;
        this.plan = plan;
        this.label = label;
        this.rnd = rnd;
        this.harness = new FaultHarness(label, fixture.name(), plan, bound);
        this.arrivals = new AtomicInteger[fixture.steps().size() + 1];
        Arrays.setAll(arrivals, i -> new AtomicInteger());
    }

    String outcome() {
        return harness.outcome();
    }

    /** How long the run took to end after the stop, in nanoseconds; -1 if it was not stopped from outside. */
    long stopLatency() {
        return stopLatency;
    }

    /** Runs the plan and checks everything; throws AssertionError with the label on any mistake. */
    void execute() throws Throwable {
        Object steps = steps();
        if (plan.mode == Mode.RUN) {
            viaRun(steps);
        } else {
            viaStart(steps);
        }
        harness.joinHelpers();
        checkThreadNames();
        assertEquals(streamsOpened.get(), streamsClosed.get(), label + " every stream a step returned was closed");
        harness.checkReleased();
    }

    /** After a failed check: stops whatever is left of the run, without waiting long. */
    void abandon() {
        outcomeKnown.countDown();
        harness.abandon(run);
    }

    // ---------------------------------------------------------------- driving

    private void viaRun(Object steps) throws Throwable {
        Object[] more = fixture.hasSource() ? new Object[0] : new Object[] {inputs()};
        Helper caller = harness.helper("caller", () -> fixture.compiled().run(steps, more));
        if (plan.fault == Fault.INTERRUPT_RUN) {
            awaitStopMoment(null);
            long stoppedAt = System.nanoTime();
            caller.thread.interrupt();
            harness.join(caller);
            stopLatency = caller.endedAt - stoppedAt;
        }
        harness.join(caller);
        harness.noThreadAlive("after run() returned or threw");
        outcomeKnown.countDown();
        List<String> results;
        if (fixture.hasSink()) {
            results = List.copyOf(delivered);
        } else if (caller.thrown == null) {
            @SuppressWarnings("unchecked")
            List<String> returned = (List<String>) caller.result;
            results = returned;
        } else {
            results = null; // run() threw, so what it had collected is gone
        }
        checkOutcome(caller.thrown);
        List<String> offered = plan.count < 0 ? null : values(plan.count);
        checkDeliveries(results, offered, plan.count < 0 ? arrivals[offerSlot()].get() : plan.count);
    }

    private void viaStart(Object steps) throws Throwable {
        PipelineRun started = fixture.compiled().start(steps);
        run = started;
        Helper feeder = fixture.hasSource() ? null : harness.helper("feeder", () -> feed(input(started)));
        Helper drainer = fixture.hasSink() ? null : harness.helper("drainer", () -> drain(output(started)));
        Helper caller = harness.helper("caller", () -> {
            harness.awaitEnd(started);
            return null;
        });
        try {
            switch (plan.fault) {
                case CANCEL, CANCEL_RACES_FAILURE -> {
                    awaitStopMoment(started);
                    stopLatency = harness.cancel(started, caller, rnd.nextBoolean());
                }
                case CLOSE -> {
                    awaitStopMoment(started);
                    stopLatency = harness.closeFromOtherThreads(started, caller);
                }
                case INTERRUPT_AWAIT -> {
                    awaitStopMoment(started);
                    harness.interruptAwait(started, caller, false);
                    stopLatency = harness.closeNanos();
                }
                case INPUT_ABANDONED -> {
                    harness.join(feeder);
                    assertFalse(started.isDone(), label + " input() is still open, so the run cannot have ended");
                    if (rnd.nextBoolean()) {
                        LockSupport.parkNanos(rnd.nextInt(2_000_000));
                    }
                    long stoppedAt = System.nanoTime();
                    if (rnd.nextBoolean()) {
                        started.close();
                    } else {
                        started.cancel();
                    }
                    harness.join(caller);
                    stopLatency = caller.endedAt - stoppedAt;
                }
                default -> {
                    // the fault, if any, is in the steps, the feeder or the drainer
                }
            }
            harness.join(caller);
            if (plan.fault != Fault.INTERRUPT_AWAIT) {
                harness.noThreadAlive("after await() returned or threw");
                assertTrue(started.isDone(), label + " isDone() once await() has returned or thrown");
                checkOutcome(caller.thrown);
            }
        } finally {
            outcomeKnown.countDown(); // a paused drainer drains the rest
        }
        started.close(); // (not after a failed check: close() may be what hangs; abandon() cleans up)
        harness.noThreadAlive("after close()");
        if (feeder != null) {
            harness.join(feeder);
        }
        if (drainer != null) {
            harness.join(drainer);
        }
        if (feeder != null && feeder.thrown == null && "normal".equals(harness.outcome())) {
            assertEquals("fed", feeder.result, label + " a run that ended normally took every value fed");
        }
        List<String> results = List.copyOf(delivered);
        if (fixture.hasSource()) {
            List<String> offered = plan.count < 0 ? null : values(plan.count);
            checkDeliveries(results, offered, plan.count < 0 ? arrivals[0].get() : plan.count);
        } else {
            List<String> offered = List.copyOf(fed);
            checkDeliveries(results, offered, offered.size());
        }
    }

    /** Waits for the item that marks the moment to stop, or for the plan's delay. */
    private void awaitStopMoment(PipelineRun started) throws InterruptedException {
        harness.awaitStopMoment(started, false,
                () -> FaultPlan.stepName(fixture, plan.triggerStep) + " (arrivals " + Arrays.toString(arrivals) + ")");
    }

    // ---------------------------------------------------------------- the feeder and the drainer

    private Object feed(Sender<String> in) throws InterruptedException {
        try {
            for (int n = 1; plan.count < 0 || n <= plan.count; n++) {
                if (plan.slowFeeder) {
                    tempo();
                }
                String value = FaultFixture.value(n - 1);
                in.send(value);
                fed.add(value);
            }
            return "fed";
        } catch (DisconnectedException stopped) {
            return "disconnected";
        } finally {
            if (plan.fault != Fault.INPUT_ABANDONED) {
                in.close();
            }
        }
    }

    private Object drain(Receiver<String> out) throws InterruptedException {
        if (plan.outputClosedAfter == 0) {
            out.close();
            return "closed";
        }
        int got = 0;
        if (plan.iterateOutput) {
            for (String value : out) {
                deliver(value);
                if (++got == plan.outputClosedAfter) {
                    out.close();
                    return "closed";
                }
                pauseOrDawdle(got);
            }
            return "ended";
        }
        while (true) {
            String value;
            try {
                value = out.recv();
            } catch (DisconnectedException end) {
                return "ended";
            }
            deliver(value);
            if (++got == plan.outputClosedAfter) {
                out.close();
                return "closed";
            }
            pauseOrDawdle(got);
        }
    }

    private void pauseOrDawdle(int got) throws InterruptedException {
        if (got == plan.drainerPausesAfter && !outcomeKnown.await(harness.remainingNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("the drainer waited in vain for the outcome");
        }
        if (plan.slowDrainer) {
            tempo();
        }
    }

    // ---------------------------------------------------------------- the steps

    /** The fixture implemented so that its steps inject the plan's fault. */
    private Object steps() {
        CompiledPipeline.Steps steps = fixture.compiled().steps();
        for (int i = 0; i < fixture.steps().size(); i++) {
            int index = i;
            Step step = fixture.step(i);
            steps.on(step.name(), args -> call(index, step, args));
        }
        Object implementation = steps.build();
        fixture.checkShapes(implementation.getClass().getInterfaces()[0]);
        return implementation;
    }

    private Object call(int index, Step step, Object[] args) throws Throwable {
        noteThread(step.name());
        switch (step.shape()) {
            case ITERABLE -> {
                eagerSourceFailure(index);
                return (Iterable<String>) () -> sourceIterator(index);
            }
            case ITERATOR -> {
                eagerSourceFailure(index);
                return sourceIterator(index);
            }
            case STREAM_SOURCE -> {
                eagerSourceFailure(index);
                streamsOpened.incrementAndGet();
                Injection fromClose = plan.first != null && plan.first.step == index
                        && plan.first.emitBefore == FaultPlan.FROM_CLOSE ? plan.first : null;
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(sourceIterator(index),
                        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                            streamsClosed.incrementAndGet();
                            if (fromClose != null) {
                                throw FaultHarness.sneaky(injected(fromClose));
                            }
                        });
            }
            case SENDER_SOURCE -> {
                eagerSourceFailure(index);
                @SuppressWarnings("unchecked")
                Sender<String> out = (Sender<String>) args[0];
                for (int n = 1; plan.count < 0 || n <= plan.count; n++) {
                    enter(index, n, injectionAt(index, n));
                    arrivals[index].set(n);
                    out.send(FaultFixture.value(n - 1));
                }
                return null;
            }
            case SINK -> {
                String value = (String) args[0];
                int n = arrivals[index].incrementAndGet();
                enter(index, n, injectionAt(index, n));
                deliver(value);
                return null;
            }
            default -> {
                return stage(index, step, args);
            }
        }
    }

    private Object stage(int index, Step step, Object[] args) throws Throwable {
        String value = (String) args[0];
        int n = arrivals[index].incrementAndGet();
        Injection injection = injectionAt(index, n);
        boolean late = injection != null && injection.emitBefore >= 0;
        boolean fromClose = injection != null && injection.emitBefore == FaultPlan.FROM_CLOSE;
        enter(index, n, late || fromClose ? null : injection);
        List<String> outputs = fixture.emit(index, value, plan.salt);
        int emitted = late ? Math.min(injection.emitBefore, outputs.size()) : outputs.size();
        switch (step.shape()) {
            case VALUE -> {
                return outputs.get(0);
            }
            case OPTIONAL -> {
                return outputs.isEmpty() ? Optional.empty() : Optional.of(outputs.get(0));
            }
            case STREAM -> {
                streamsOpened.incrementAndGet();
                Stream<String> stream = IntStream.range(0, late ? emitted + 1 : emitted).mapToObj(i -> {
                    if (i == emitted) {
                        throw FaultHarness.sneaky(injected(injection));
                    }
                    return outputs.get(i);
                });
                return stream.onClose(() -> {
                    streamsClosed.incrementAndGet();
                    if (fromClose) {
                        throw FaultHarness.sneaky(injected(injection));
                    }
                });
            }
            case SENDER -> {
                @SuppressWarnings("unchecked")
                Sender<String> out = (Sender<String>) args[1];
                for (int i = 0; i < emitted; i++) {
                    out.send(outputs.get(i));
                }
                if (late) {
                    throw injected(injection);
                }
                return null;
            }
            default -> throw new AssertionError(step);
        }
    }

    /** A source's values, from 0, endless or up to the plan's count. */
    private Iterator<String> sourceIterator(int index) {
        return new Iterator<>() {
            private int produced;

            @Override
            public boolean hasNext() {
                return plan.count < 0 || produced < plan.count;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = produced + 1;
                noteThread(FaultPlan.stepName(fixture, index));
                try {
                    enter(index, n, injectionAt(index, n));
                } catch (Throwable t) {
                    throw FaultHarness.sneaky(t);
                }
                arrivals[slot(index)].set(n);
                produced = n;
                return FaultFixture.value(n - 1);
            }
        };
    }

    /** The values that the generated {@code run(steps, inputs)} feeds from its input thread. */
    private Iterable<String> inputs() {
        return () -> sourceIterator(FaultPlan.INPUT);
    }

    /** A source whose failure is at item 0 throws from the method itself. */
    private void eagerSourceFailure(int index) throws Throwable {
        Injection injection = injectionAt(index, 0);
        if (injection != null) {
            throw injected(injection);
        }
    }

    /** What every step does on taking item {@code n}: dawdle, signal, wait for the stop, throw. */
    private void enter(int index, int n, Injection eager) throws Throwable {
        if (plan.slow.contains(index)) {
            tempo();
        }
        if (plan.busy.contains(index)) {
            spin(ThreadLocalRandom.current().nextLong(50_000));
        }
        if (plan.pacedSource && (index == FaultPlan.INPUT || fixture.step(index).shape().isSource())) {
            spin(1_000_000);
        }
        harness.atItem(index, n, () -> {
            if (plan.cancelFromStep) {
                cancelOwnRun();
            }
        });
        if (eager != null && eager.emitBefore != FaultPlan.FROM_CLOSE) {
            throw injected(eager);
        }
    }

    /** CANCEL_FROM_STEP: a worker cancels or closes its own run (start() may not have returned yet). */
    private void cancelOwnRun() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (run == null && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        PipelineRun started = run;
        if (started == null) {
            throw new AssertionError("start() did not return within 5 s");
        }
        if (plan.closeFromStep) {
            started.close(); // from a step: cancels, waits for no thread
        } else {
            started.cancel();
        }
    }

    private Injection injectionAt(int index, int n) {
        for (Injection injection : new Injection[] {plan.first, plan.second}) {
            if (injection != null && injection.step == index && injection.at == n) {
                return injection;
            }
        }
        return null;
    }

    private static Throwable injected(Injection injection) {
        injection.thread.set(Thread.currentThread().getName());
        injection.happened.set(true);
        return injection.thrown;
    }

    /** Sometimes sleeps 0 or 1 ms. */
    private static void tempo() throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextInt(4) == 0) {
            Thread.sleep(random.nextInt(2));
        }
    }

    /** Spins without looking at the interrupt status, like a step computing or reading a socket. */
    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    private void deliver(String value) {
        if (deliveries.incrementAndGet() <= RECORDED) {
            delivered.add(value);
        }
    }

    private void noteThread(String step) {
        threadsOf.computeIfAbsent(step, s -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
    }

    private int slot(int index) {
        return index == FaultPlan.INPUT ? fixture.steps().size() : index;
    }

    private int offerSlot() {
        return fixture.hasSource() ? 0 : slot(FaultPlan.INPUT);
    }

    // ---------------------------------------------------------------- checks

    /** The outcome the plan's fault must lead to, exactly. */
    private void checkOutcome(Throwable thrown) {
        switch (plan.fault) {
            case NONE, INPUT_CLOSED_EARLY -> harness.normal(thrown);
            case SOURCE_THROWS, STAGE_THROWS, SINK_THROWS -> {
                PipelineFailedException failed = harness.failure(thrown);
                assertFailedBy(failed, plan.first);
                harness.suppressed(failed, List.of(), "stop signals are not failures: nothing suppressed");
            }
            case TWO_FAILURES -> {
                PipelineFailedException failed = harness.failure(thrown);
                Injection cause = failed.getCause() == plan.second.thrown ? plan.second : plan.first;
                Injection other = cause == plan.first ? plan.second : plan.first;
                assertFailedBy(failed, cause);
                List<Throwable> expected = other.happened.get() ? List.of(other.thrown) : List.of();
                harness.suppressed(failed, expected, "the later failure, if it happened, is suppressed");
            }
            case CANCEL, CLOSE, INPUT_ABANDONED -> harness.stopped(thrown, null, null, 0, null, false);
            case CANCEL_FROM_STEP -> {
                harness.cancelled(thrown);
                harness.suppressed(thrown, plan.first == null ? List.of() : List.of(plan.first.thrown),
                        "what the step threw after cancelling is suppressed");
            }
            case CANCEL_RACES_FAILURE -> {
                if (thrown instanceof CancellationException) {
                    assertTrue(plan.first.happened.get(), label + " the step threw at the trigger");
                }
                harness.stopped(thrown, FaultPlan.stepName(fixture, plan.first.step), plan.first.thrown,
                        plan.first.happened.get() ? 1 : 0, plan.first.thread.get(), false);
            }
            case INTERRUPT_AWAIT, INTERRUPT_RUN -> harness.interrupted(thrown);
            case OUTPUT_CLOSED_EARLY -> {
                PipelineFailedException failed = harness.failure(thrown);
                Step last = fixture.step(fixture.steps().size() - 1);
                assertEquals(last.name(), failed.stage(), label + " the last step fails: " + trace(failed));
                assertEquals(fixture.name(), failed.pipeline(), label);
                if (!(failed.getCause() instanceof DisconnectedException)) {
                    fail(label + " the cause is the last step's DisconnectedException: " + trace(failed));
                }
                harness.suppressed(failed, List.of(), "nothing suppressed");
            }
            default -> throw new AssertionError(plan.fault);
        }
    }

    private void assertFailedBy(PipelineFailedException failed, Injection injection) {
        harness.failedBy(failed, FaultPlan.stepName(fixture, injection.step), injection.thrown, injection.thread.get());
    }

    /**
     * Every value delivered at most once and only values the run could produce from what it was
     * offered; after a normal end, exactly the sequential computation's values (in its order, if
     * every step has one worker).
     *
     * @param results what reached the end, null if unknown
     * @param offered the values offered, if known exactly (null for an endless source)
     * @param offeredCount how many values the source produced or the feeder sent
     */
    private void checkDeliveries(List<String> results, List<String> offered, int offeredCount) {
        if (results == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String value : results) {
            if (!seen.add(value)) {
                fail(label + " " + value + " was delivered twice");
            }
            int index = FaultFixture.sourceIndex(value);
            if (index >= offeredCount || !fixture.delivered(FaultFixture.value(index), plan.salt).contains(value)) {
                fail(label + " " + value + " was delivered, but no step should have produced it (offered "
                        + offeredCount + ")");
            }
        }
        if ("normal".equals(harness.outcome())) {
            assertTrue(deliveries.get() <= RECORDED, label + " a normal run delivers what it was offered");
            List<String> expected = fixture.delivered(offered, plan.salt);
            Set<String> missing = new HashSet<>(expected);
            results.forEach(missing::remove);
            if (!missing.isEmpty() || results.size() != expected.size()) {
                fail(label + " every value delivered exactly once: " + results.size() + " delivered, " + expected.size()
                        + " expected, missing " + missing.size() + ": " + first(missing));
            }
            if (fixture.singleWorker() && !expected.equals(results)) {
                int i = 0;
                while (expected.get(i).equals(results.get(i))) {
                    i++;
                }
                fail(label + " one worker per step keeps the order: value " + i + " is " + results.get(i)
                        + ", expected " + expected.get(i) + " (" + expected.size() + " values)");
            }
        }
    }

    private static List<String> first(Set<String> values) {
        return values.stream().sorted().limit(10).collect(Collectors.toList());
    }

    private void checkThreadNames() {
        threadsOf.forEach((step, names) -> {
            int workers = step.equals(FaultPlan.FEEDER) ? 1
                    : fixture.steps().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().workers();
            for (String name : names) {
                if (!isWorkerName(name, fixture.name(), step, workers)) {
                    fail(label + " step " + step + " (" + workers + " workers) ran on thread " + name);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static PipelineRun.WithInput<String> withInput(PipelineRun run) {
        return (PipelineRun.WithInput<String>) run;
    }

    private static Sender<String> input(PipelineRun run) {
        return withInput(run).input();
    }

    @SuppressWarnings("unchecked")
    private static Receiver<String> output(PipelineRun run) {
        return ((PipelineRun.WithOutput<String>) run).output();
    }

    private static List<String> values(int count) {
        return IntStream.range(0, count).mapToObj(FaultFixture::value).collect(Collectors.toList());
    }
}
