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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import pneumatic.PipelineFailedException;
import pneumatic.PipelineRun;

/**
 * What a run under a fault needs whatever its steps compute: the test's own threads (caller,
 * feeder, drainer, closers, all named {@code fault-*}); the moment to stop (an item that a step
 * signals, or a delay) and the workers that wait until the stop interrupts them; the stops from
 * outside ({@code cancel()}, {@code close()} from other threads, the caller interrupted in
 * {@code await()}); and the checks of how the run ended and of its threads.
 *
 * <p>{@link FaultRun} uses it on the fixed fixtures, whose stopped runs are endless;
 * {@link PipelineFuzzTest} on random pipelines, whose runs are finite and so may end on their own
 * before the stop comes: the methods that care say so with {@code mayEnd}. Every assertion
 * message starts with the run's label.
 */
final class FaultHarness {

    private final String label;
    private final String pipeline;
    private final FaultPlan plan;
    private final long deadline;

    private final List<Helper> helpers = new CopyOnWriteArrayList<>();
    /** Opened by the item that marks the moment to stop. */
    private final CountDownLatch trigger = new CountDownLatch(1);
    /** Never opened: a worker waiting on it is released only by an interrupt. */
    private final CountDownLatch never = new CountDownLatch(1);
    private final AtomicInteger blocked = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicBoolean blockTaken = new AtomicBoolean();

    /** What the run ended with, for the summaries: normal, failed, cancelled, interrupted. */
    private volatile String outcome = "unknown";
    private volatile long closeNanos = -1;

    /**
     * @param label what every assertion message starts with
     * @param pipeline the pipeline's name, which starts the names of its threads
     * @param plan the fault; its stop moment, closers and blocked worker are used here
     * @param bound how long the whole run may take, helpers and joins included
     */
    FaultHarness(String label, String pipeline, FaultPlan plan, Duration bound) {
        this.label = label;
        this.pipeline = pipeline;
        this.plan = plan;
        this.deadline = System.nanoTime() + bound.toNanos();
    }

    String label() {
        return label;
    }

    /** What the run ended with: normal, failed, cancelled or interrupted (unknown before a check). */
    String outcome() {
        return outcome;
    }

    // ---------------------------------------------------------------- the test's threads

    /** What a helper thread does. */
    interface Work {
        Object call() throws Throwable;
    }

    /** A thread of the test (not of the run), with what its body returned or threw. */
    static final class Helper implements Runnable {
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

    /** Starts a helper thread, {@code fault-<role>}. */
    Helper helper(String role, Work body) {
        Helper helper = new Helper(role, body);
        helpers.add(helper);
        helper.thread.start();
        return helper;
    }

    /** Waits for a helper until the deadline; fails if it is still running then. */
    void join(Helper helper) throws InterruptedException {
        helper.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos())));
        if (helper.thread.isAlive()) {
            fail(label + " " + helper.thread.getName() + " did not end in time\n" + dump(pipeline));
        }
    }

    /** Joins every helper; fails if one of them threw, but the caller, whose exception is the outcome. */
    void joinHelpers() throws InterruptedException {
        for (Helper helper : helpers) {
            join(helper);
            if (helper.thrown != null && !helper.role.equals("caller")) {
                fail(label + " thread " + helper.thread.getName() + " failed: " + trace(helper.thrown));
            }
        }
    }

    /**
     * After a failed check: closes the run, if it was started, from another thread, waiting at
     * most 2 s (close() may be what hangs), then interrupts every helper still running.
     */
    void abandon(PipelineRun run) {
        if (run != null) {
            Thread closer = new Thread(run::close, "fault-cleanup");
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

    long remainingNanos() {
        return Math.max(1, deadline - System.nanoTime());
    }

    // ---------------------------------------------------------------- the moment to stop

    /**
     * What a worker does on taking item {@code n} of step {@code step}: at the plan's trigger,
     * it opens the moment to stop, runs {@code atTrigger}, and, if the plan says so, waits for
     * the stop; at the plan's blocked item (one worker only), it waits for the stop.
     */
    void atItem(int step, int n, Runnable atTrigger) throws InterruptedException {
        if (step == plan.triggerStep && n == plan.triggerAt) {
            trigger.countDown();
            atTrigger.run();
            if (plan.blockAtTrigger) {
                waitForTheStop();
            }
        }
        if (step == plan.blockStep && n == plan.blockAt && blockTaken.compareAndSet(false, true)) {
            waitForTheStop();
        }
    }

    /** Blocks until the stop interrupts this worker: nothing else opens the latch. */
    void waitForTheStop() throws InterruptedException {
        blocked.incrementAndGet();
        try {
            never.await();
        } catch (InterruptedException stopped) {
            released.incrementAndGet();
            throw stopped;
        }
        throw new AssertionError("the latch that nobody opens was opened");
    }

    /** Whether some worker waited for the stop, so that the run could not have ended on its own. */
    boolean someWorkerWaited() {
        return blocked.get() > 0;
    }

    /**
     * Waits for the item that marks the moment to stop, or for the plan's delay. With
     * {@code mayEnd} a run that has ended without reaching the item (a finite run that a
     * failure stopped first) ends the wait too; otherwise that item must come before the deadline.
     *
     * @param run the run, polled with {@code mayEnd}
     * @param where what to say when the item never comes: the step's name, what arrived where
     */
    void awaitStopMoment(PipelineRun run, boolean mayEnd, Supplier<String> where)
            throws InterruptedException {
        if (plan.triggerStep != FaultPlan.NO_STEP) {
            boolean came;
            if (mayEnd) {
                do {
                    came = trigger.await(200, TimeUnit.MICROSECONDS);
                } while (!came && !run.isDone() && System.nanoTime() - deadline < 0);
                came |= run.isDone();
            } else {
                came = trigger.await(remainingNanos(), TimeUnit.NANOSECONDS);
            }
            if (!came) {
                fail(label + " item " + plan.triggerAt + " of " + where.get() + " never came\n" + dump(pipeline));
            }
        } else if (plan.delayNanos > 0) {
            LockSupport.parkNanos(plan.delayNanos);
        }
    }

    /** Every worker that waited for the stop was released by its interrupt. */
    void checkReleased() {
        assertEquals(blocked.get(), released.get(), label + " every waiting worker was released by an interrupt");
    }

    // ---------------------------------------------------------------- the stops from outside

    /** CANCEL: {@code cancel()}, maybe twice (the second changes nothing); returns when the caller has its outcome. */
    long cancel(PipelineRun run, Helper caller, boolean twice) throws InterruptedException {
        long stoppedAt = System.nanoTime();
        run.cancel();
        if (twice) {
            run.cancel();
        }
        join(caller);
        return caller.endedAt - stoppedAt;
    }

    /** Waits for the run's end as the plan's caller does: {@code await()}, or short timed awaits. */
    void awaitEnd(PipelineRun run) throws InterruptedException {
        if (plan.mode == FaultPlan.Mode.AWAIT) {
            run.await();
        } else {
            while (!run.await(Duration.ofNanos(ThreadLocalRandom.current().nextLong(2_000_000)))) {
                // not yet: wait again
            }
        }
    }

    /** Throws a checked throwable from a step that declares none (the steps' fault injection). */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * CLOSE: one or two other threads call {@code close()} (interrupted first if the plan says
     * so), while the caller waits in {@code await()}; each close() must return without throwing,
     * with no thread of the run alive, its interrupt status kept, and the run done. Returns the
     * time from the stop until every closer and the caller were done.
     */
    long closeFromOtherThreads(PipelineRun run, Helper caller) throws InterruptedException {
        long stoppedAt = System.nanoTime();
        List<Helper> closers = new ArrayList<>();
        for (int i = 0; i < (plan.twoClosers ? 2 : 1); i++) {
            closers.add(helper("closer", () -> {
                if (plan.closerInterrupted) {
                    Thread.currentThread().interrupt();
                }
                run.close();
                List<String> alive = alive(pipeline);
                return new CloseReport(alive, Thread.interrupted(), run.isDone());
            }));
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
        join(caller);
        return System.nanoTime() - stoppedAt;
    }

    /** How long the close() after an interrupted await() took, in nanoseconds; -1 before. */
    long closeNanos() {
        return closeNanos;
    }

    /** What a closing thread saw right after close() returned. */
    private record CloseReport(List<String> alive, boolean interrupted, boolean done) {}

    /**
     * INTERRUPT_AWAIT: interrupts the caller waiting in {@code await()}. It must throw
     * InterruptedException and leave the run going; then {@code close()} must end every thread
     * and {@code await()} report that the run was cancelled. With {@code mayEnd}, the run may
     * also have ended first: then the caller's {@code await()} may have returned its outcome
     * before the interrupt, and the {@code await()} after close() reports whatever the run
     * ended with.
     *
     * @return the outcome to check: what the caller's await() threw, if it was not interrupted,
     *     else what await() threw after close() (null: a normal end)
     */
    Throwable interruptAwait(PipelineRun run, Helper caller, boolean mayEnd) throws InterruptedException {
        caller.thread.interrupt();
        join(caller);
        if (mayEnd && !(caller.thrown instanceof InterruptedException)) {
            run.close();
            noThreadAlive("after close()");
            return caller.thrown;
        }
        interrupted(caller.thrown);
        if (!mayEnd) {
            assertFalse(run.isDone(), label + " an interrupted await() leaves the run going");
        }
        long closing = System.nanoTime();
        run.close();
        closeNanos = System.nanoTime() - closing;
        noThreadAlive("after close()");
        assertTrue(run.isDone(), label + " isDone() after close()");
        Throwable after = thrownBy(run::await);
        if (!mayEnd && !(after instanceof CancellationException)) {
            fail(label + " await() after close() of a run that was going should throw"
                    + " CancellationException, threw " + trace(after));
        }
        return after;
    }

    // ---------------------------------------------------------------- how the run ended

    /** The run must have ended normally. */
    void normal(Throwable thrown) {
        if (thrown != null) {
            fail(label + " should end normally, threw " + trace(thrown));
        }
        outcome = "normal";
    }

    /** The run must have failed: {@code thrown} is a PipelineFailedException, returned. */
    PipelineFailedException failure(Throwable thrown) {
        if (!(thrown instanceof PipelineFailedException)) {
            fail(label + " should throw PipelineFailedException, got " + trace(thrown));
        }
        outcome = "failed";
        return (PipelineFailedException) thrown;
    }

    /** The failure names {@code step} of this pipeline, with the very exception it threw as cause. */
    void failedBy(PipelineFailedException failed, String step, Throwable cause, String thread) {
        assertEquals(step, failed.stage(), label + " stage(): " + trace(failed));
        assertEquals(pipeline, failed.pipeline(), label + " pipeline()");
        assertSame(cause, failed.getCause(), label + " the cause is the very exception " + step + " threw (in "
                + thread + "): " + trace(failed));
    }

    /** The run must have been cancelled. */
    void cancelled(Throwable thrown) {
        if (!(thrown instanceof CancellationException)) {
            fail(label + " should throw CancellationException, got " + trace(thrown));
        }
        outcome = "cancelled";
    }

    /** The caller must have been interrupted. */
    void interrupted(Throwable thrown) {
        if (!(thrown instanceof InterruptedException)) {
            fail(label + " the interrupted caller should get InterruptedException, got " + trace(thrown));
        }
        outcome = "interrupted";
    }

    /** Exactly these (the same instances, in this order) are suppressed in {@code thrown}. */
    void suppressed(Throwable thrown, List<Throwable> expected, String message) {
        List<Throwable> actual = List.of(thrown.getSuppressed());
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = expected.get(i) == actual.get(i);
        }
        if (!same) {
            fail(label + " " + message + ": expected " + expected + ", was "
                    + actual.stream().map(FaultHarness::trace).collect(Collectors.toList()));
        }
    }

    /**
     * The outcome of a run stopped from outside ({@code cancel()}, {@code close()}), which the
     * stop may find failing already, and, with {@code mayEnd}, ended already:
     * <ul>
     *   <li>{@code CancellationException}: the stop came first; the failure, if thrown after it,
     *       is suppressed once however many workers threw that one instance, and nothing else;</li>
     *   <li>{@code PipelineFailedException} naming {@code step}, with {@code failure} as cause: the
     *       failure came first; its later throws (a step with several workers may throw the same
     *       instance from each) are not suppressed under the cause they are, and nothing else is;</li>
     *   <li>a normal end, only with {@code mayEnd} and if the failure never happened; the
     *       caller must then check that every value was delivered exactly once.</li>
     * </ul>
     *
     * @param thrown what await() threw, null for a normal end
     * @param step the failing step's name, null if none fails
     * @param failure what it throws, the same instance each time; null if none
     * @param throwsCount how many times a worker threw it
     * @param thread a thread that threw it, for the message
     * @return "normal", "failed" or "cancelled"
     */
    String stopped(Throwable thrown, String step, Throwable failure, int throwsCount, String thread, boolean mayEnd) {
        if (thrown == null && mayEnd) {
            assertEquals(0, throwsCount, label + " the run ended normally, yet " + step + " threw " + failure);
            outcome = "normal";
        } else if (thrown instanceof PipelineFailedException && failure != null) {
            PipelineFailedException failed = failure(thrown);
            failedBy(failed, step, failure, thread);
            suppressed(failed, List.of(), "the failure's later throws, the cause itself, are not suppressed again,"
                    + " and nothing else is");
        } else {
            cancelled(thrown);
            suppressed(thrown, failure == null || throwsCount == 0 ? List.of() : List.of(failure),
                    failure == null ? "nothing suppressed" : "a failure after the stop is suppressed once, nothing else");
        }
        return outcome;
    }

    // ---------------------------------------------------------------- the run's threads

    /** No thread of the run is alive. */
    void noThreadAlive(String when) {
        List<String> alive = alive(pipeline);
        if (!alive.isEmpty()) {
            fail(label + " threads of the run alive " + when + ": " + alive + "\n" + dump(pipeline));
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

    /** Whether {@code thread} is named as worker n of {@code step}: {@code <Pipeline>-<step>-<n>}, 1 <= n <= workers. */
    static boolean isWorkerName(String thread, String pipeline, String step, int workers) {
        Matcher m = Pattern.compile(Pattern.quote(pipeline + "-" + step + "-") + "(\\d+)").matcher(thread);
        return m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= workers;
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

    /** Something to call that may throw anything. */
    interface Action {
        void run() throws Throwable;
    }

    /** What {@code body} threw, or null. */
    static Throwable thrownBy(Action body) {
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
