package pneumatic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import pneumatic.processor.FaultPlan.Fault;
import pneumatic.processor.FaultPlan.Injection;
import pneumatic.processor.FaultPlan.Mode;

/**
 * One run of {@link PipelineFaultInjectionTest}: implements the fixture's steps so that they
 * inject the plan's fault, drives the run (and its feeder, drainer, closer threads, all named
 * {@code fault-*}), and checks the outcome, the values delivered and that no thread of the run
 * is left. Every assertion message starts with the run's label (seed, run number, fixture, plan).
 */
final class FaultRun {

    private final FaultFixture fixture;
    private final FaultPlan plan;
    private final String label;
    private final Random rnd;
    private final long deadline;

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
    private final AtomicInteger blocked = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicBoolean blockTaken = new AtomicBoolean();
    /** Opened by the item that marks the moment to stop. */
    private final CountDownLatch trigger = new CountDownLatch(1);
    /** Never opened: a worker waiting on it is released only by an interrupt. */
    private final CountDownLatch never = new CountDownLatch(1);
    /** Opened once the caller has its outcome: a paused drainer then drains the rest. */
    private final CountDownLatch outcomeKnown = new CountDownLatch(1);
    private final List<Helper> helpers = new CopyOnWriteArrayList<>();

    /** The run, once started, so that a failed check can still close it. */
    private volatile PipelineRun run;
    /** What the run ended with, for the summary: normal, failed, cancelled, interrupted. */
    private volatile String outcome = "unknown";
    /** From the stop (cancel, close, interrupt) to the end of the caller's wait; -1: no stop. */
    private volatile long stopLatency = -1;

    FaultRun(FaultFixture fixture, FaultPlan plan, String label, Random rnd, Duration bound) {
        this.fixture = fixture;
        this.plan = plan;
        this.label = label;
        this.rnd = rnd;
        this.deadline = System.nanoTime() + bound.toNanos();
        this.arrivals = new AtomicInteger[fixture.steps().size() + 1];
        Arrays.setAll(arrivals, i -> new AtomicInteger());
    }

    String outcome() {
        return outcome;
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
        for (Helper helper : helpers) {
            join(helper);
            if (helper.thrown != null && !helper.role.equals("caller")) { // the caller's is the outcome
                fail(label + " thread " + helper.thread.getName() + " failed: " + trace(helper.thrown));
            }
        }
        checkThreadNames();
        assertEquals(streamsOpened.get(), streamsClosed.get(), label + " every stream a step returned was closed");
        assertEquals(blocked.get(), released.get(), label + " every waiting worker was released by an interrupt");
    }

    /** After a failed check: stops whatever is left of the run, without waiting long. */
    void abandon() {
        PipelineRun started = run;
        outcomeKnown.countDown();
        if (started != null) {
            Thread closer = new Thread(started::close, "fault-cleanup");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Helper helper : helpers) {
            helper.thread.interrupt();
        }
    }

    // ---------------------------------------------------------------- driving

    private void viaRun(Object steps) throws Throwable {
        Object[] more = fixture.hasSource() ? new Object[0] : new Object[] {inputs()};
        Helper caller = helper("caller", () -> fixture.compiled().run(steps, more));
        if (plan.fault == Fault.INTERRUPT_RUN) {
            awaitStopMoment();
            long stoppedAt = System.nanoTime();
            caller.thread.interrupt();
            join(caller);
            stopLatency = caller.endedAt - stoppedAt;
        }
        join(caller);
        assertNoThreadAlive("after run() returned or threw");
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
        Helper feeder = fixture.hasSource() ? null : helper("feeder", () -> feed(input(started)));
        Helper drainer = fixture.hasSink() ? null : helper("drainer", () -> drain(output(started)));
        Helper caller = helper("caller", () -> {
            awaitEnd(started);
            return null;
        });
        try {
            switch (plan.fault) {
                case CANCEL, CANCEL_RACES_FAILURE -> {
                    awaitStopMoment();
                    long stoppedAt = System.nanoTime();
                    started.cancel();
                    if (rnd.nextBoolean()) {
                        started.cancel(); // a second cancel changes nothing
                    }
                    join(caller);
                    stopLatency = caller.endedAt - stoppedAt;
                }
                case CLOSE -> {
                    awaitStopMoment();
                    long stoppedAt = System.nanoTime();
                    closeFromAnotherThread(started);
                    join(caller);
                    stopLatency = System.nanoTime() - stoppedAt;
                }
                case INTERRUPT_AWAIT -> {
                    awaitStopMoment();
                    caller.thread.interrupt();
                    join(caller);
                    checkOutcome(caller.thrown);
                    assertFalse(started.isDone(), label + " an interrupted await() leaves the run going");
                    long stoppedAt = System.nanoTime();
                    started.close();
                    stopLatency = System.nanoTime() - stoppedAt;
                    assertNoThreadAlive("after close()");
                    assertTrue(started.isDone(), label + " isDone() after close()");
                    Throwable after = thrownBy(started::await);
                    if (!(after instanceof CancellationException)) {
                        fail(label + " await() after close() of a run that was going should throw"
                                + " CancellationException, threw " + trace(after));
                    }
                }
                case INPUT_ABANDONED -> {
                    join(feeder);
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
                    join(caller);
                    stopLatency = caller.endedAt - stoppedAt;
                }
                default -> {
                    // the fault, if any, is in the steps, the feeder or the drainer
                }
            }
            join(caller);
            if (plan.fault != Fault.INTERRUPT_AWAIT) {
                assertNoThreadAlive("after await() returned or threw");
                assertTrue(started.isDone(), label + " isDone() once await() has returned or thrown");
                checkOutcome(caller.thrown);
            }
        } finally {
            outcomeKnown.countDown(); // a paused drainer drains the rest
        }
        started.close(); // (not after a failed check: close() may be what hangs; abandon() cleans up)
        assertNoThreadAlive("after close()");
        if (feeder != null) {
            join(feeder);
        }
        if (drainer != null) {
            join(drainer);
        }
        if (feeder != null && feeder.thrown == null && "normal".equals(outcome)) {
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

    private void awaitEnd(PipelineRun started) throws InterruptedException {
        if (plan.mode == Mode.AWAIT) {
            started.await();
        } else {
            while (!started.await(Duration.ofNanos(ThreadLocalRandom.current().nextLong(2_000_000)))) {
                // not yet: wait again
            }
        }
    }

    /** Waits for the item that marks the moment to stop, or for the plan's delay. */
    private void awaitStopMoment() throws InterruptedException {
        if (plan.triggerStep != FaultPlan.NO_STEP) {
            if (!trigger.await(remainingNanos(), TimeUnit.NANOSECONDS)) {
                fail(label + " item " + plan.triggerAt + " of " + FaultPlan.stepName(fixture, plan.triggerStep)
                        + " never came; arrivals " + Arrays.toString(arrivals) + "\n" + dump(fixture.name()));
            }
        } else if (plan.delayNanos > 0) {
            LockSupport.parkNanos(plan.delayNanos);
        }
    }

    /** CLOSE: another thread closes the run; close() must not throw and must leave no thread. */
    private void closeFromAnotherThread(PipelineRun started) throws InterruptedException {
        List<Helper> closers = new ArrayList<>();
        for (int i = 0; i < (plan.twoClosers ? 2 : 1); i++) {
            closers.add(closer(started));
        }
        for (Helper closer : closers) {
            join(closer);
            if (closer.thrown != null) {
                fail(label + " close() threw " + trace(closer.thrown));
            }
            CloseReport report = (CloseReport) closer.result;
            assertEquals(List.of(), report.alive(), label + " threads alive right after close() returned");
            assertEquals(plan.closerInterrupted, report.interrupted(), label + " close() keeps the interrupt status");
            assertTrue(report.done(), label + " isDone() after close()");
        }
    }

    /** What a closing thread saw right after close() returned. */
    private record CloseReport(List<String> alive, boolean interrupted, boolean done) {}

    private Helper closer(PipelineRun started) {
        return helper("closer", () -> {
            if (plan.closerInterrupted) {
                Thread.currentThread().interrupt();
            }
            started.close();
            List<String> alive = alive(fixture.name());
            return new CloseReport(alive, Thread.interrupted(), started.isDone());
        });
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
        if (got == plan.drainerPausesAfter && !outcomeKnown.await(remainingNanos(), TimeUnit.NANOSECONDS)) {
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
                                throw sneaky(injected(fromClose));
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
                        throw sneaky(injected(injection));
                    }
                    return outputs.get(i);
                });
                return stream.onClose(() -> {
                    streamsClosed.incrementAndGet();
                    if (fromClose) {
                        throw sneaky(injected(injection));
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
                    throw sneaky(t);
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
        if (index == plan.triggerStep && n == plan.triggerAt) {
            trigger.countDown();
            if (plan.cancelFromStep) {
                cancelOwnRun();
            }
            if (plan.blockAtTrigger) {
                waitForTheStop();
            }
        }
        if (index == plan.blockStep && n == plan.blockAt && blockTaken.compareAndSet(false, true)) {
            waitForTheStop();
        }
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
            started.close(); // joins every other worker, never this one
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

    /** Blocks until the stop interrupts this worker: nothing else opens the latch. */
    private void waitForTheStop() throws InterruptedException {
        blocked.incrementAndGet();
        try {
            never.await();
        } catch (InterruptedException stopped) {
            released.incrementAndGet();
            throw stopped;
        }
        throw new AssertionError("the latch that nobody opens was opened");
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

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    // ---------------------------------------------------------------- checks

    /** The outcome the plan's fault must lead to, exactly. */
    private void checkOutcome(Throwable thrown) {
        switch (plan.fault) {
            case NONE, INPUT_CLOSED_EARLY -> {
                if (thrown != null) {
                    fail(label + " should end normally, threw " + trace(thrown));
                }
                outcome = "normal";
            }
            case SOURCE_THROWS, STAGE_THROWS, SINK_THROWS -> {
                PipelineFailedException failed = failure(thrown);
                assertFailedBy(failed, plan.first);
                assertEquals(List.of(), List.of(failed.getSuppressed()),
                        label + " stop signals are not failures: nothing suppressed");
            }
            case TWO_FAILURES -> {
                PipelineFailedException failed = failure(thrown);
                Injection cause = failed.getCause() == plan.second.thrown ? plan.second : plan.first;
                Injection other = cause == plan.first ? plan.second : plan.first;
                assertFailedBy(failed, cause);
                List<Throwable> expected = other.happened.get() ? List.of(other.thrown) : List.of();
                assertSameElements(expected, List.of(failed.getSuppressed()),
                        label + " the later failure, if it happened, is suppressed");
            }
            case CANCEL, CLOSE, INPUT_ABANDONED -> {
                assertCancelled(thrown);
                assertEquals(List.of(), List.of(thrown.getSuppressed()), label + " nothing suppressed");
            }
            case CANCEL_FROM_STEP -> {
                assertCancelled(thrown);
                assertSameElements(plan.first == null ? List.of() : List.of(plan.first.thrown),
                        List.of(thrown.getSuppressed()), label + " what the step threw after cancelling is suppressed");
            }
            case CANCEL_RACES_FAILURE -> {
                if (thrown instanceof CancellationException) {
                    assertCancelled(thrown);
                    assertTrue(plan.first.happened.get(), label + " the step threw at the trigger");
                    assertSameElements(List.of(plan.first.thrown), List.of(thrown.getSuppressed()),
                            label + " a failure after the cancel is suppressed");
                } else {
                    PipelineFailedException failed = failure(thrown);
                    assertFailedBy(failed, plan.first);
                    assertEquals(List.of(), List.of(failed.getSuppressed()), label + " nothing suppressed");
                }
            }
            case INTERRUPT_AWAIT, INTERRUPT_RUN -> {
                if (!(thrown instanceof InterruptedException)) {
                    fail(label + " the interrupted caller should get InterruptedException, got " + trace(thrown));
                }
                outcome = "interrupted";
            }
            case OUTPUT_CLOSED_EARLY -> {
                PipelineFailedException failed = failure(thrown);
                Step last = fixture.step(fixture.steps().size() - 1);
                assertEquals(last.name(), failed.stage(), label + " the last step fails: " + trace(failed));
                assertEquals(fixture.name(), failed.pipeline(), label);
                if (!(failed.getCause() instanceof DisconnectedException)) {
                    fail(label + " the cause is the last step's DisconnectedException: " + trace(failed));
                }
                assertEquals(List.of(), List.of(failed.getSuppressed()), label + " nothing suppressed");
            }
            default -> throw new AssertionError(plan.fault);
        }
    }

    private PipelineFailedException failure(Throwable thrown) {
        if (!(thrown instanceof PipelineFailedException)) {
            fail(label + " should throw PipelineFailedException, got " + trace(thrown));
        }
        PipelineFailedException failed = (PipelineFailedException) thrown;
        outcome = "failed";
        return failed;
    }

    private void assertFailedBy(PipelineFailedException failed, Injection injection) {
        String step = FaultPlan.stepName(fixture, injection.step);
        assertEquals(step, failed.stage(), label + " stage(): " + trace(failed));
        assertEquals(fixture.name(), failed.pipeline(), label + " pipeline()");
        assertSame(injection.thrown, failed.getCause(), label + " the cause is the very exception "
                + step + " threw (in " + injection.thread.get() + "): " + trace(failed));
    }

    private void assertCancelled(Throwable thrown) {
        if (!(thrown instanceof CancellationException)) {
            fail(label + " should throw CancellationException, got " + trace(thrown));
        }
        outcome = "cancelled";
    }

    private void assertSameElements(List<Throwable> expected, List<Throwable> actual, String message) {
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = expected.get(i) == actual.get(i);
        }
        if (!same) {
            fail(message + ": expected " + expected + ", was " + actual.stream().map(FaultRun::trace)
                    .collect(Collectors.toList()));
        }
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
        if ("normal".equals(outcome)) {
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
            int workers = step.equals("input") ? 1
                    : fixture.steps().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().workers();
            for (String name : names) {
                if (!isWorkerName(name, fixture.name(), step, workers)) {
                    fail(label + " step " + step + " (" + workers + " workers) ran on thread " + name);
                }
            }
        });
    }

    /** Whether {@code thread} is named as worker n of {@code step}: {@code <Pipeline>-<step>-<n>}, 1 <= n <= workers. */
    static boolean isWorkerName(String thread, String pipeline, String step, int workers) {
        Matcher m = Pattern.compile(Pattern.quote(pipeline + "-" + step + "-") + "(\\d+)").matcher(thread);
        return m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= workers;
    }

    private void assertNoThreadAlive(String when) {
        List<String> alive = alive(fixture.name());
        if (!alive.isEmpty()) {
            fail(label + " threads of the run alive " + when + ": " + alive + "\n" + dump(fixture.name()));
        }
    }

    /** The names of the live threads of pipeline {@code name}. */
    static List<String> alive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith(name + "-"))
                .sorted()
                .collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- helper threads

    /** What a helper thread does. */
    private interface Work {
        Object call() throws Throwable;
    }

    /** A thread of the test (not of the run), with what its body returned or threw. */
    private static final class Helper implements Runnable {
        final String role;
        final Thread thread;
        private final Work body;
        volatile Object result;
        volatile Throwable thrown;
        /** System.nanoTime() when the body ended. */
        volatile long endedAt;

        Helper(String role, Work body) {
            this.role = role;
            this.body = body;
            this.thread = new Thread(this, "fault-" + role);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                result = body.call();
            } catch (Throwable t) {
                thrown = t;
            } finally {
                endedAt = System.nanoTime();
            }
        }
    }

    private Helper helper(String role, Work body) {
        Helper helper = new Helper(role, body);
        helpers.add(helper);
        helper.thread.start();
        return helper;
    }

    private void join(Helper helper) throws InterruptedException {
        helper.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos())));
        if (helper.thread.isAlive()) {
            fail(label + " " + helper.thread.getName() + " did not end in time\n" + dump(fixture.name()));
        }
    }

    private long remainingNanos() {
        return Math.max(1, deadline - System.nanoTime());
    }

    /** Something to call that may throw anything. */
    private interface Action {
        void run() throws Throwable;
    }

    /** What {@code body} threw, or null. */
    private static Throwable thrownBy(Action body) {
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
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

    /** The stacks of the pipeline's threads and of the test's helper threads. */
    static String dump(String pipeline) {
        StringBuilder b = new StringBuilder("threads of ").append(pipeline).append(" and of the test:\n");
        Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Stream.of(pipeline + "-", "fault-", "junit-timeout")
                        .anyMatch(e.getKey().getName()::startsWith))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Thread::getName)))
                .forEach(e -> {
                    Thread thread = e.getKey();
                    b.append("  \"").append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
                    for (StackTraceElement frame : e.getValue()) {
                        b.append("      at ").append(frame).append('\n');
                    }
                });
        return b.toString();
    }

    static String trace(Throwable t) {
        if (t == null) {
            return "nothing (a normal end)";
        }
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
