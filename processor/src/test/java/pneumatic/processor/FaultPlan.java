package pneumatic.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import pneumatic.channel.DisconnectedException;

/**
 * What one run of {@link PipelineFaultInjectionTest} does wrong, and how: chosen from the run's
 * seeded {@link Random}, so that a run number and a seed name the same plan on every machine
 * (the threads' timing, of course, differs). {@link #stopping} draws the stops that the fuzzer
 * injects into its random pipelines the same way.
 *
 * <p>Steps are named by their index in {@link FaultFixture#steps()}; {@link #INPUT} is the
 * iterable that the generated {@code run(steps, inputs)} feeds from a thread of the run. Items
 * are counted from 1 per step, over all its workers: "item k" of a stage is the k-th value any of
 * its workers took; for a source, the k-th value it produces (0: the source method itself throws).
 */
final class FaultPlan {

    /** The faults, each with the outcome it must lead to. */
    enum Fault {
        /** Nothing goes wrong: every value delivered exactly once. */
        NONE,
        /** The source (or the iterable fed to {@code run(steps, inputs)}) throws at item k. */
        SOURCE_THROWS,
        /** A stage throws at item k, in whichever of its workers took it. */
        STAGE_THROWS,
        /** The sink throws at item k. */
        SINK_THROWS,
        /** Two steps throw: the first failure is the cause, the later one (if any) suppressed. */
        TWO_FAILURES,
        /** {@code cancel()} after a delay or after item k of some step. */
        CANCEL,
        /** {@code cancel()} at the moment a step throws: either outcome, never both, never lost. */
        CANCEL_RACES_FAILURE,
        /** A step cancels or closes its own run at item k (and maybe throws then: suppressed). */
        CANCEL_FROM_STEP,
        /** The thread in {@code await()} is interrupted; it gets InterruptedException, then close(). */
        INTERRUPT_AWAIT,
        /** The thread in the generated {@code run()} is interrupted. */
        INTERRUPT_RUN,
        /** {@code close()} from another thread while the caller is in {@code await()}. */
        CLOSE,
        /** Open input: the feeder sends a few values (maybe none), closes input() and ends. */
        INPUT_CLOSED_EARLY,
        /** Open input: the feeder stops without closing input(); the run cannot end until close(). */
        INPUT_ABANDONED,
        /** Open output: the consumer closes output() after k values: the last step fails, Disconnected. */
        OUTPUT_CLOSED_EARLY;

        boolean appliesTo(FaultFixture fixture) {
            return switch (this) {
                case STAGE_THROWS -> fixture.steps().stream().anyMatch(s -> s.shape().isStage());
                case SINK_THROWS -> fixture.hasSink();
                case TWO_FAILURES -> fixture.steps().size() >= 2;
                case INPUT_CLOSED_EARLY, INPUT_ABANDONED -> !fixture.hasSource();
                case OUTPUT_CLOSED_EARLY -> !fixture.hasSink();
                default -> true;
            };
        }
    }

    /** How the caller waits for the run. */
    enum Mode {
        /** The generated static {@code run(...)}. */
        RUN,
        /** {@code start(...)}, then {@code await()}. */
        AWAIT,
        /** {@code start(...)}, then {@code await(Duration)} with short timeouts until it says ended. */
        TIMED_AWAIT
    }

    /** The step index of the iterable given to {@code run(steps, inputs)}. */
    static final int INPUT = -1;

    /** What the run calls the thread that feeds the iterable, in its name and in its failure's stage(). */
    static final String FEEDER = "<input>";

    /** No step. */
    static final int NO_STEP = Integer.MIN_VALUE;

    /** {@link Injection#emitBefore} of a stream that throws from its close(). */
    static final int FROM_CLOSE = -2;

    /** One exception that a step throws, the very instance the run must report. */
    static final class Injection {
        final int step;
        final int at;
        final Throwable thrown;
        /**
         * For a stream or sender stage: the outputs it emits before throwing; -1: it throws first;
         * {@link #FROM_CLOSE}: the stream it returns throws from close(), after all its values.
         */
        final int emitBefore;
        /** Set by the thread that threw it. */
        final AtomicBoolean happened = new AtomicBoolean();
        final AtomicReference<String> thread = new AtomicReference<>();

        Injection(int step, int at, Throwable thrown, int emitBefore) {
            this.step = step;
            this.at = at;
            this.thrown = thrown;
            this.emitBefore = emitBefore;
        }
    }

    final Fault fault;
    Mode mode;
    int salt;
    /** How many values the source or the feeder offers; -1: endless. */
    int count = -1;
    Injection first;
    Injection second;
    /** The step whose item {@link #triggerAt} signals the moment to stop; NO_STEP: after {@link #delayNanos}. */
    int triggerStep = NO_STEP;
    int triggerAt;
    long delayNanos;
    /** The triggering worker then waits until the stop interrupts it. */
    boolean blockAtTrigger;
    /** One worker of this step waits at item {@link #blockAt} until the stop interrupts it. */
    int blockStep = NO_STEP;
    int blockAt;
    /** Steps (by index; INPUT for the fed iterable) that sometimes sleep up to 1 ms per item. */
    final List<Integer> slow = new ArrayList<>();
    /** Steps that sometimes spin up to 50 us per item, deaf to interrupts, as CPU-bound work is. */
    final List<Integer> busy = new ArrayList<>();
    /**
     * The source (or the fed iterable) spins 1 ms per item, deaf to interrupts, as a read from a
     * socket would block: whoever drains its output is always faster.
     */
    boolean pacedSource;
    boolean slowFeeder;
    boolean slowDrainer;
    /** Open output: drain with for-each (else recv() until DisconnectedException). */
    boolean iterateOutput;
    /** Open output: close output() after this many values; -1: drain to the end. */
    int outputClosedAfter = -1;
    /** Open output: stop draining after this many values until the outcome is known; -1: never. */
    int drainerPausesAfter = -1;
    /** CLOSE: the closing thread is interrupted before it calls close(). */
    boolean closerInterrupted;
    /** CLOSE: two threads call close() at once. */
    boolean twoClosers;
    /** CANCEL_FROM_STEP: the step at the trigger cancels the run itself. */
    boolean cancelFromStep;
    /** CANCEL_FROM_STEP: it calls close() instead, which must not wait for its own thread. */
    boolean closeFromStep;

    private FaultPlan(Fault fault) {
        this.fault = fault;
    }

    /** Draws the plan of one run of {@code fault} on {@code fixture}. */
    static FaultPlan random(FaultFixture fixture, Fault fault, Random rnd) {
        FaultPlan plan = new FaultPlan(fault);
        plan.salt = rnd.nextInt();
        plan.iterateOutput = rnd.nextBoolean();
        for (int i = 0; i < fixture.steps().size(); i++) {
            if (rnd.nextInt(10) < 3) {
                plan.slow.add(i);
            }
            if (rnd.nextInt(10) < 2) {
                plan.busy.add(i);
            }
        }
        if (!fixture.hasSource() && rnd.nextInt(10) < 3) {
            plan.slow.add(INPUT);
        }
        plan.slowFeeder = rnd.nextInt(4) == 0;
        plan.slowDrainer = rnd.nextInt(4) == 0;
        plan.pacedSource = rnd.nextInt(10) < 2;
        Mode[] started = {Mode.AWAIT, Mode.TIMED_AWAIT};
        switch (fault) {
            case NONE -> {
                plan.mode = Mode.values()[rnd.nextInt(3)];
                int size = rnd.nextInt(8); // many values, so that a lone worker takes batches
                plan.count = size == 0 ? 0 : size <= 2 ? 500 + rnd.nextInt(1000) : 1 + rnd.nextInt(120);
                plan.pacedSource &= plan.count <= 120;
            }
            case SOURCE_THROWS -> {
                plan.mode = fixture.hasSource() ? Mode.values()[rnd.nextInt(3)] : Mode.RUN;
                int step = fixture.hasSource() ? 0 : INPUT;
                int at = step == INPUT || rnd.nextInt(4) != 0 ? 1 + rnd.nextInt(40) : 0;
                plan.count = rnd.nextInt(10) < 3 ? -1 : at + rnd.nextInt(60);
                int emitBefore = -1;
                if (step == 0 && fixture.step(0).shape() == FaultFixture.Shape.STREAM_SOURCE && rnd.nextInt(4) == 0) {
                    emitBefore = FROM_CLOSE; // closed once exhausted, so it must end
                    plan.count = rnd.nextInt(60);
                    at = plan.count + 1;
                }
                plan.first = new Injection(step, at, exception(fixture, step, at, rnd, true), emitBefore);
                plan.blockDownstream(fixture, rnd, step, at);
            }
            case STAGE_THROWS, SINK_THROWS -> {
                plan.mode = Mode.values()[rnd.nextInt(3)];
                int step = fault == Fault.SINK_THROWS ? fixture.steps().size() - 1 : randomStage(fixture, rnd);
                int at = plan.reachable(fixture, step, rnd);
                plan.first = new Injection(step, at, exception(fixture, step, at, rnd, true),
                        emitBefore(fixture, step, rnd, true));
                plan.blockDownstream(fixture, rnd, step, at);
            }
            case TWO_FAILURES -> {
                plan.mode = Mode.values()[rnd.nextInt(3)];
                int a = rnd.nextInt(fixture.steps().size());
                int b = (a + 1 + rnd.nextInt(fixture.steps().size() - 1)) % fixture.steps().size();
                int atA = 1 + rnd.nextInt(20);
                int atB = 1 + rnd.nextInt(20);
                plan.first = new Injection(a, atA, exception(fixture, a, atA, rnd, false),
                        emitBefore(fixture, a, rnd, false));
                plan.second = new Injection(b, atB, exception(fixture, b, atB, rnd, false),
                        emitBefore(fixture, b, rnd, false));
            }
            case CANCEL, INTERRUPT_AWAIT, CLOSE -> {
                plan.mode = started[rnd.nextInt(2)];
                plan.stopMoment(fixture, rnd);
                plan.closerInterrupted = fault == Fault.CLOSE && rnd.nextInt(10) < 3;
                plan.twoClosers = fault == Fault.CLOSE && rnd.nextInt(10) < 3;
                if (!fixture.hasSink() && plan.triggerStep == NO_STEP && rnd.nextInt(10) < 3) {
                    plan.drainerPausesAfter = rnd.nextInt(10);
                }
            }
            case INTERRUPT_RUN -> {
                plan.mode = Mode.RUN;
                plan.stopMoment(fixture, rnd);
            }
            case CANCEL_RACES_FAILURE -> {
                plan.mode = started[rnd.nextInt(2)];
                int step = rnd.nextInt(fixture.steps().size());
                int at = 1 + rnd.nextInt(30);
                plan.triggerStep = step;
                plan.triggerAt = at;
                plan.first = new Injection(step, at, exception(fixture, step, at, rnd, false), -1);
            }
            case CANCEL_FROM_STEP -> {
                plan.mode = started[rnd.nextInt(2)];
                int step = rnd.nextInt(fixture.steps().size());
                int at = 1 + rnd.nextInt(30);
                plan.triggerStep = step;
                plan.triggerAt = at;
                plan.cancelFromStep = true;
                if (rnd.nextBoolean()) {
                    plan.first = new Injection(step, at, exception(fixture, step, at, rnd, false), -1);
                }
                plan.closeFromStep = rnd.nextInt(3) == 0;
            }
            case INPUT_CLOSED_EARLY -> {
                plan.mode = started[rnd.nextInt(2)];
                plan.count = rnd.nextInt(6);
            }
            case INPUT_ABANDONED -> {
                plan.mode = started[rnd.nextInt(2)];
                plan.count = 1 + rnd.nextInt(30);
            }
            case OUTPUT_CLOSED_EARLY -> {
                plan.mode = started[rnd.nextInt(2)];
                plan.outputClosedAfter = rnd.nextInt(20);
            }
            default -> throw new AssertionError(fault);
        }
        return plan;
    }

    /**
     * Draws a stop for a run of a random pipeline ({@link PipelineFuzzTest}): {@link Fault#CANCEL},
     * {@link Fault#INTERRUPT_AWAIT} or {@link Fault#CLOSE} while the caller waits in {@code await()}
     * or {@code await(Duration)}, at a moment drawn as for the fixtures (after a delay, or at an
     * item of some step, whose worker then maybe waits for the stop; some worker maybe waiting for
     * the stop at another item), but only at items the run reaches: its source is finite, so
     * unless a worker waits for the stop, the run may end before the stop comes.
     *
     * @param offered how many values the source produces or the caller feeds
     * @param arrivals how many items each step takes (a source: produces) when nothing stops the run
     */
    static FaultPlan stopping(Fault fault, int offered, int[] arrivals, Random rnd) {
        if (fault != Fault.CANCEL && fault != Fault.INTERRUPT_AWAIT && fault != Fault.CLOSE) {
            throw new IllegalArgumentException(fault + " is not a stop from outside");
        }
        FaultPlan plan = new FaultPlan(fault);
        plan.mode = rnd.nextBoolean() ? Mode.AWAIT : Mode.TIMED_AWAIT;
        plan.count = offered;
        plan.iterateOutput = rnd.nextBoolean();
        List<Integer> reached = IntStream.range(0, arrivals.length).filter(i -> arrivals[i] > 0).boxed()
                .collect(Collectors.toList());
        if (reached.isEmpty() || rnd.nextBoolean()) {
            plan.delayNanos = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(1_000_000);
            if (!reached.isEmpty() && rnd.nextInt(10) < 3) {
                plan.blockStep = reached.get(rnd.nextInt(reached.size()));
                plan.blockAt = 1 + rnd.nextInt(Math.min(arrivals[plan.blockStep], 10));
            }
        } else {
            plan.triggerStep = reached.get(rnd.nextInt(reached.size()));
            plan.triggerAt = 1 + rnd.nextInt(Math.min(arrivals[plan.triggerStep], 30));
            plan.blockAtTrigger = rnd.nextBoolean();
        }
        plan.closerInterrupted = fault == Fault.CLOSE && rnd.nextInt(10) < 3;
        plan.twoClosers = fault == Fault.CLOSE && rnd.nextInt(10) < 3;
        return plan;
    }

    private static int randomStage(FaultFixture fixture, Random rnd) {
        List<Integer> stages = IntStream.range(0, fixture.steps().size())
                .filter(i -> fixture.step(i).shape().isStage()).boxed().collect(Collectors.toList());
        return stages.get(rnd.nextInt(stages.size()));
    }

    /** Picks the count (finite or not) and an item of {@code step} that the run will reach. */
    private int reachable(FaultFixture fixture, int step, Random rnd) {
        if (rnd.nextInt(10) >= 3) {
            count = 1 + rnd.nextInt(120);
            int arrivals = fixture.arrivals(count, salt)[step];
            if (arrivals > 0) {
                return 1 + rnd.nextInt(Math.min(arrivals, 40));
            }
        }
        count = -1;
        return 1 + rnd.nextInt(40);
    }

    private static int emitBefore(FaultFixture fixture, int step, Random rnd, boolean fromClose) {
        if (step < 0 || !fixture.step(step).shape().emitsMany()) {
            return -1;
        }
        int kind = rnd.nextInt(fromClose && fixture.step(step).shape() == FaultFixture.Shape.STREAM ? 3 : 2);
        return kind == 0 ? -1 : kind == 1 ? rnd.nextInt(3) : FROM_CLOSE;
    }

    /**
     * A checked exception, an unchecked one, an error, or (if {@code stopLike}) one of the
     * exceptions that only count as stop signals once the run is stopping: thrown before, they
     * are the failure like any other.
     */
    private static Throwable exception(FaultFixture fixture, int step, int at, Random rnd, boolean stopLike) {
        String where = "injected into " + fixture.name() + "." + stepName(fixture, step) + " at item " + at;
        switch (rnd.nextInt(stopLike ? 10 : 7)) {
            case 0, 1, 2:
                return new IOException(where);
            case 3, 4, 5:
                return new IllegalStateException(where);
            case 6:
                return new StackOverflowError(where);
            case 7:
                return new InterruptedException(where);
            case 8:
                return new CancellationException(where);
            default:
                return new DisconnectedException(where);
        }
    }

    /**
     * Maybe makes one worker of a step with siblings wait (until the stop) on an item that does
     * not keep the failing step from reaching its item: the failing step itself, or a step after it.
     */
    private void blockDownstream(FaultFixture fixture, Random rnd, int failing, int at) {
        if (rnd.nextInt(10) >= 3) {
            return;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < fixture.steps().size(); i++) {
            if (fixture.step(i).workers() >= 2 && (i > failing || (i == failing && at > 1))) {
                candidates.add(i);
            }
        }
        if (!candidates.isEmpty()) {
            blockStep = candidates.get(rnd.nextInt(candidates.size()));
            blockAt = blockStep == failing ? 1 + rnd.nextInt(at - 1) : 1 + rnd.nextInt(10);
        }
    }

    /** An endless run, stopped after a delay or at an item; some worker may wait for the stop. */
    private void stopMoment(FaultFixture fixture, Random rnd) {
        count = -1;
        if (rnd.nextBoolean()) {
            delayNanos = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(3_000_000);
            if (rnd.nextInt(10) < 4) {
                blockStep = rnd.nextInt(fixture.steps().size());
                blockAt = 1 + rnd.nextInt(10);
            }
        } else {
            triggerStep = rnd.nextInt(fixture.steps().size());
            triggerAt = 1 + rnd.nextInt(30);
            blockAtTrigger = rnd.nextBoolean();
        }
    }

    /** Names the step at {@code index} of {@code fixture}, {@link #FEEDER} for {@link #INPUT}. */
    static String stepName(FaultFixture fixture, int index) {
        return index == INPUT ? FEEDER : fixture.step(index).name();
    }

    /** The plan in one line, for the assertion messages. */
    String describe(FaultFixture fixture) {
        StringBuilder b = new StringBuilder(fault.name());
        if (first != null) {
            b.append('(').append(injection(fixture, first));
            if (second != null) {
                b.append(" and ").append(injection(fixture, second));
            }
            b.append(')');
        }
        return describe(b, i -> stepName(fixture, i), fixture.hasSource(), fixture.hasSink());
    }

    /** The plan in one line, for a pipeline whose step {@code i} is called {@code stepName.apply(i)}. */
    String describe(IntFunction<String> stepName, boolean hasSource, boolean hasSink) {
        return describe(new StringBuilder(fault.name()), stepName, hasSource, hasSink);
    }

    private String describe(StringBuilder b, IntFunction<String> stepName, boolean hasSource, boolean hasSink) {
        b.append(" mode=").append(mode);
        b.append(" offered=").append(count < 0 ? "endless" : String.valueOf(count));
        if (triggerStep != NO_STEP) {
            b.append(" stopAt=").append(stepName.apply(triggerStep)).append('#').append(triggerAt);
            if (cancelFromStep) {
                b.append(closeFromStep ? "(which closes)" : "(which cancels)");
            }
            if (blockAtTrigger) {
                b.append("(then blocks)");
            }
        } else if (fault == Fault.CANCEL || fault == Fault.CLOSE || fault == Fault.INTERRUPT_AWAIT
                || fault == Fault.INTERRUPT_RUN) {
            b.append(" stopAfter=").append(delayNanos / 1000).append("us");
        }
        if (blockStep != NO_STEP) {
            b.append(" block=").append(stepName.apply(blockStep)).append('#').append(blockAt);
        }
        if (!slow.isEmpty()) {
            b.append(" slow=").append(slow.stream().map(stepName::apply).collect(Collectors.toList()));
        }
        if (pacedSource) {
            b.append(" pacedSource");
        }
        if (!busy.isEmpty()) {
            b.append(" busy=").append(busy.stream().map(stepName::apply).collect(Collectors.toList()));
        }
        if (!hasSource && mode != Mode.RUN && slowFeeder) {
            b.append(" slowFeeder");
        }
        if (!hasSink && mode != Mode.RUN) {
            b.append(iterateOutput ? " drain=for-each" : " drain=recv");
            if (slowDrainer) {
                b.append(" slowDrainer");
            }
            if (outputClosedAfter >= 0) {
                b.append(" closeOutputAfter=").append(outputClosedAfter);
            }
            if (drainerPausesAfter >= 0) {
                b.append(" drainerPausesAfter=").append(drainerPausesAfter);
            }
        }
        if (closerInterrupted) {
            b.append(" closerInterrupted");
        }
        if (twoClosers) {
            b.append(" twoClosers");
        }
        if (salt != 0) { // the fuzzer's plans have none
            b.append(" salt=").append(salt);
        }
        return b.toString();
    }

    private static String injection(FaultFixture fixture, Injection injection) {
        String how = injection.emitBefore == FROM_CLOSE ? " from the close() of its stream"
                : injection.emitBefore >= 0 ? " after emitting " + injection.emitBefore : "";
        return stepName(fixture, injection.step) + " throws " + injection.thrown.getClass().getSimpleName()
                + " at item " + injection.at + how;
    }
}
