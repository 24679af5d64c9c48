package pneumatic;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import pneumatic.channel.Channel;
import pneumatic.channel.DisconnectedException;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;

/**
 * The run-time half of every generated {@code XWiring} class: the generated code creates the
 * channels and hands each worker its own handles; this class starts the threads, runs the worker
 * loop, keeps the first failure, stops the run and waits for its threads.
 *
 * <p>Generated code uses it in three phases: {@link #channel(int)} for each edge, then one
 * {@code start*} call per worker, then {@link #started()}. Applications see it only as a
 * {@link PipelineRun}.
 *
 * <pre>{@code
 * RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
 * Channel<String> toStore = run.channel(Stage.DEFAULT_CAPACITY);
 * run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendIterable(out, lines));
 * toStore.sender().close();                    // the worker's clone is now the only sender
 * run.startSink("store", 1, toStore.receiver().clone(), line -> store(line));
 * toStore.receiver().close();
 * return run.started();
 * }</pre>
 *
 * @param <I> the type of {@link #input()}, {@code Void} for a pipeline with a source
 * @param <O> the type of {@link #output()}, {@code Void} for a pipeline with a sink
 */
public final class RunningPipeline<I, O> implements PipelineRun.WithInputAndOutput<I, O> {
    /*
     * Maintainers' notes.
     *
     * Ending normally needs nothing from this class: each worker closes its own handles when its
     * loop ends, so each step ends when the last worker upstream has closed its sender.
     *
     * Stopping (first failure, or cancel) closes every receiver handle of the run (the ones the
     * workers own and the original of each channel, but not the caller's output()) and
     * interrupts every worker. A channel whose receivers are all closed drops its buffer and
     * wakes every thread blocked on it: a sender with DisconnectedException, a worker receiving
     * through its own, now closed, handle with IllegalStateException (or with the end, if the
     * senders were gone too), which consume() takes as the stop; its next receive fails the same
     * way, the handle's check coming before the interrupt's. The interrupt reaches a worker
     * wherever else it is: blocked outside a channel, or at its next send: DisconnectedException
     * when that channel's receivers are closed (disconnection comes before the interrupt, see
     * Sender.send), else InterruptedException.
     * That last case is what ends a step that feeds the output channel, which the stop leaves
     * open so that the caller's loop over it ends as usual once those steps are done.
     * While the generated start() is still wiring (starting == true), the closing is put off
     * until started(), so that start() never clones a handle that a stop has already closed.
     *
     * Completion: `live` counts the workers not yet ended, plus one while starting; the latch
     * opens when it reaches zero. await() then joins the threads, so that none is alive after it.
     * `busy` counts the workers whose step has not yet returned (plus one while starting): once
     * it is zero, every value has gone through and the threads are only closing their handles,
     * so cancel() has nothing left to stop. A caller whose loop over output() has ended, and who
     * then closes the run, sees it end normally: the last step's workers returned (and counted
     * themselves out of `busy`) before they closed the handles whose closing ended that loop.
     * If the generated wiring throws half-way (out of memory, say), it calls abandon(), which
     * stops and joins the workers already started before the exception leaves start(), closing
     * input() and output() too, as no caller will.
     */

    /**
     * What a source does: send its values, then return.
     *
     * @param <T> the type it sends
     */
    @FunctionalInterface
    public interface SourceBody<T> {
        /**
         * Sends the source's values.
         *
         * @param out where to send; owned by the run
         * @throws Throwable whatever the source throws fails the run
         */
        void run(Sender<T> out) throws Throwable;
    }

    /**
     * What a stage does with one value.
     *
     * @param <T> the type it receives
     * @param <R> the type it sends
     */
    @FunctionalInterface
    public interface StageBody<T, R> {
        /**
         * Handles one value, sending zero or more results.
         *
         * @param value the value received
         * @param out where to send; owned by the run
         * @throws Throwable whatever the stage throws fails the run
         */
        void apply(T value, Sender<R> out) throws Throwable;
    }

    /**
     * What a sink does with one value.
     *
     * @param <T> the type it receives
     */
    @FunctionalInterface
    public interface SinkBody<T> {
        /**
         * Consumes one value.
         *
         * @param value the value received
         * @throws Throwable whatever the sink throws fails the run
         */
        void accept(T value) throws Throwable;
    }

    /** What {@link #feed} is called in its thread's name and its failure: not a Java identifier. */
    static final String FEEDER = "<input>";

    /** The most values a step's only worker takes from its channel at once. */
    static final int BATCH = 64;

    private final String pipeline;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch ended = new CountDownLatch(1);

    /** Every thread started for the run. Guarded by lock. */
    private final List<Thread> threads = new ArrayList<>();

    /** Every receiver handle of the run, closed when it stops. Guarded by lock. */
    private final List<Receiver<?>> receivers = new ArrayList<>();

    /** The worker count of each stage and sink, by step name. Guarded by lock. */
    private final Map<String, StepWorkers> steps = new HashMap<>();

    /** Workers not yet ended, plus one until {@link #started()}. Guarded by lock. */
    private int live = 1;

    /** Workers whose step has not yet returned, plus one until {@link #started()}. Guarded by lock. */
    private int busy = 1;

    /** True until {@link #started()}. Guarded by lock. */
    private boolean starting = true;

    /** Set by {@link #started()}: every worker is registered, so the worker counts are final. */
    private volatile boolean wired;

    /** Set once, when the run fails or is cancelled; workers read it between values. */
    private volatile boolean stopping;

    /** The step that failed first, or null. Guarded by lock. */
    private String failedStep;

    /** What {@link #failedStep} threw. Guarded by lock. */
    private Throwable failure;

    /** Whether {@link #cancel()} stopped the run before any failure. Guarded by lock. */
    private boolean cancelled;

    /** Failures of steps after the run had stopped, reported as suppressed. Guarded by lock. */
    private final List<Throwable> laterFailures = new ArrayList<>();

    /** What the caller feeds, or null when the pipeline has a source. Written while starting. */
    private volatile Sender<I> input;

    /** What the caller drains, or null when the pipeline has a sink. Written while starting. */
    private volatile Receiver<O> output;

    /**
     * Creates a run that has no thread yet.
     *
     * @param pipeline the pipeline's name, used in thread names and failures
     */
    public RunningPipeline(String pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * Creates the channel of one edge; the run closes its receiver if it stops.
     *
     * @param <T> the type the channel carries
     * @param capacity {@link Stage#UNBOUNDED}, {@code 0} for a rendezvous, or the capacity
     * @return the new channel
     */
    public <T> Channel<T> channel(int capacity) {
        Channel<T> channel = capacity == Stage.UNBOUNDED ? Channel.unbounded() : Channel.bounded(capacity);
        register(channel.receiver());
        return channel;
    }

    /**
     * Makes a sender the run's {@link #input()}: the caller's end of the first channel.
     *
     * @param input the original sender of the first step's channel
     */
    public void exposeInput(Sender<I> input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    /**
     * Makes a receiver the run's {@link #output()}: the caller's end of the last channel. A stop
     * leaves it open, so that the caller's loop over it ends as usual (when the last step's
     * workers have ended) rather than with an exception about a closed handle.
     *
     * @param output the original receiver of the last step's channel
     */
    public void exposeOutput(Receiver<O> output) {
        this.output = Objects.requireNonNull(output, "output");
        lock.lock();
        try {
            receivers.remove(output);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Feeds the run from a thread of its own, named {@code <pipeline>-<input>-1}: sends every
     * value of {@code inputs} to {@link #input()}, then closes it. A failure of the iterable fails
     * the run like a step's, with {@link PipelineFailedException#stage()} {@code "<input>"}. No
     * method can have that name, so neither the thread nor the failure can be taken for a step's,
     * not even for a step named {@code input}.
     *
     * @param inputs the values for the first step
     */
    public void feed(Iterable<? extends I> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        startSource(FEEDER, 1, input(), out -> Outputs.sendIterable(out, inputs));
    }

    /**
     * Receives every value of {@link #output()} until the last step has ended.
     *
     * @return the values, in the order they arrived
     * @throws InterruptedException if interrupted while waiting for a value
     */
    public List<O> collect() throws InterruptedException {
        Receiver<O> out = output();
        List<O> results = new ArrayList<>();
        while (true) {
            try {
                results.add(out.recv());
            } catch (DisconnectedException end) {
                return results;
            }
        }
    }

    /**
     * Starts one worker of a source: it runs the body once, then closes its sender.
     *
     * @param <T> the type the source sends
     * @param step the source's method name
     * @param worker the worker's number, from 1
     * @param out the worker's own sender, closed when it ends
     * @param body what the source does
     */
    public <T> void startSource(String step, int worker, Sender<T> out, SourceBody<T> body) {
        launch(step, worker, List.of(out), () -> body.run(out));
    }

    /**
     * Starts one worker of a stage: it applies the body to each value it receives until its
     * input ends, then closes both handles.
     *
     * @param <T> the type the stage receives
     * @param <R> the type the stage sends
     * @param step the stage's method name
     * @param worker the worker's number, from 1
     * @param in the worker's own receiver (a competing consumer), closed when it ends
     * @param out the worker's own sender, closed when it ends
     * @param body what the stage does with one value
     */
    public <T, R> void startStage(String step, int worker, Receiver<T> in, Sender<R> out, StageBody<T, R> body) {
        StepWorkers workers = register(step, in);
        launch(step, worker, List.of(in, out), () -> consume(in, workers, value -> body.apply(value, out)));
    }

    /**
     * Starts one worker of a sink: it gives each value it receives to the body until its input
     * ends, then closes its receiver.
     *
     * @param <T> the type the sink receives
     * @param step the sink's method name
     * @param worker the worker's number, from 1
     * @param in the worker's own receiver (a competing consumer), closed when it ends
     * @param body what the sink does with one value
     */
    public <T> void startSink(String step, int worker, Receiver<T> in, SinkBody<T> body) {
        StepWorkers workers = register(step, in);
        launch(step, worker, List.of(in), () -> consume(in, workers, body));
    }

    /**
     * Ends the wiring phase; a stop that came meanwhile takes effect now.
     *
     * @return this run
     * @throws IllegalStateException if called a second time
     */
    public RunningPipeline<I, O> started() {
        lock.lock();
        try {
            if (!starting) {
                throw new IllegalStateException("pipeline " + pipeline + " was already started");
            }
            starting = false;
            wired = true;
            try {
                if (stopping) {
                    release();
                }
            } finally {
                busy--;
                workerEnded();
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * Undoes a wiring that threw before {@link #started()} (out of memory half-way, say): stops
     * the workers already started and waits until every one has ended, so that a generated
     * {@code start()} that throws leaves no thread behind. The caller never gets this run, so
     * its {@link #input()} and {@link #output()} are closed too: a step blocked on them, which a
     * caller would otherwise release, must not keep this waiting. A step that had already
     * failed is added to {@code wiringFailed} as suppressed. The generated code then rethrows.
     *
     * <pre>{@code
     * try {
     *     ...                                       // channels and workers
     *     return run.started();
     * } catch (Throwable wiringFailed) {
     *     run.abandon(wiringFailed);
     *     throw wiringFailed;
     * }
     * }</pre>
     *
     * @param wiringFailed what the wiring threw
     */
    public void abandon(Throwable wiringFailed) {
        boolean wiring;
        Throwable stepFailed;
        lock.lock();
        try {
            if (!stopping) {
                cancelled = true;
                stop();
            }
            wiring = starting;
            stepFailed = failure;
        } finally {
            lock.unlock();
        }
        try {
            if (wiring) {
                started();
            }
        } finally {
            if (input != null) {
                input.close();
            }
            if (output != null) {
                output.close();
            }
            close();
        }
        if (stepFailed != null && stepFailed != wiringFailed) {
            wiringFailed.addSuppressed(stepFailed);
        }
    }

    @Override
    public Sender<I> input() {
        if (input == null) {
            throw new IllegalStateException(pipeline + " has a @Source, so it takes no input()");
        }
        return input;
    }

    @Override
    public Receiver<O> output() {
        if (output == null) {
            throw new IllegalStateException(pipeline + " has a @Sink, so it has no output()");
        }
        return output;
    }

    @Override
    public void await() throws InterruptedException {
        refuseOwnThread("await()");
        ended.await();
        joinAndReport();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        refuseOwnThread("await(Duration)");
        if (!ended.await(nanos(timeout), TimeUnit.NANOSECONDS)) {
            return false;
        }
        joinAndReport();
        return true;
    }

    /** After the run has ended: waits for its threads, which are only finishing, then reports. */
    private void joinAndReport() throws InterruptedException {
        for (Thread thread : threads()) {
            thread.join();
        }
        reportOutcome();
    }

    @Override
    public void cancel() {
        lock.lock();
        try {
            if (!stopping && busy > 0) {
                cancelled = true;
                stop();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isDone() {
        return ended.getCount() == 0;
    }

    @Override
    public void close() {
        if (!isDone()) {
            cancel();
        }
        List<Thread> all = threads();
        if (all.contains(Thread.currentThread())) {
            // A step closing its own run: waiting for the other threads could wait forever for
            // one that is closing the run too, and so waiting for this one.
            return;
        }
        boolean interrupted = false;
        for (int i = 0; i < all.size(); ) {
            try {
                all.get(i).join();
                i++;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: close() promises that no thread outlives it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            String outcome = failure != null ? "step " + failedStep + " failed" : "cancelled";
            String state = ended.getCount() == 0 ? (stopping ? "ended, " + outcome : "ended normally")
                    : stopping ? "stopping, " + outcome : "running";
            return "PipelineRun[" + pipeline + ", " + state + ", workers alive=" + (starting ? live - 1 : live) + "]";
        } finally {
            lock.unlock();
        }
    }

    /**
     * The one worker loop of every stage and sink: receive, act, until the input ends or the run
     * stops. A step's only worker takes what its channel holds in batches of up to {@link #BATCH}
     * ({@link Receiver#drainTo}, one claim for many values), and waits for a single value only
     * when there is none; a worker with siblings takes one value at a time, so that a batch in
     * one worker's hands never leaves the others idle. Until the wiring is done, a step's worker
     * count may still grow, so every worker takes one value at a time until then.
     */
    private <T> void consume(Receiver<T> in, StepWorkers step, SinkBody<T> action) throws Throwable {
        List<T> batch = new ArrayList<>(BATCH);
        while (!stopping) {
            try {
                if (!wired || step.count > 1 || in.drainTo(batch, BATCH) == 0) {
                    batch.add(in.recv());
                }
            } catch (DisconnectedException end) {
                return; // every upstream worker is done and the channel is drained
            } catch (IllegalStateException closed) {
                if (stopping) {
                    return; // the stop closed this worker's receiver between two values
                }
                throw closed;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (stopping) {
                    return;
                }
                action.accept(batch.get(i));
            }
            batch.clear();
        }
    }

    /** The workers a step has been given so far: each of its workers reads it before a batch. */
    private static final class StepWorkers {
        /** Workers started for the step; only grows, written under the run's lock while wiring. */
        volatile int count;
    }

    private void register(Receiver<?> receiver) {
        lock.lock();
        try {
            receivers.add(receiver);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers a worker's receiver, and the worker in its step's count; returns that count. Once
     * the run stops, launch() closes the receiver instead of starting the worker, so it is not kept:
     * a wiring that goes on counting up to a huge worker count after a thread could not be started
     * would otherwise fill the heap with closed receivers.
     */
    private StepWorkers register(String step, Receiver<?> receiver) {
        lock.lock();
        try {
            StepWorkers workers = steps.computeIfAbsent(step, name -> new StepWorkers());
            if (!stopping) {
                receivers.add(receiver);
                workers.count++;
            }
            return workers;
        } finally {
            lock.unlock();
        }
    }

    private List<Thread> threads() {
        lock.lock();
        try {
            return List.copyOf(threads);
        } finally {
            lock.unlock();
        }
    }

    /** Work for one thread. */
    private interface Body {
        void run() throws Throwable;
    }

    private void launch(String step, int worker, List<AutoCloseable> handles, Body body) {
        lock.lock();
        try {
            if (stopping) {
                closeAll(handles); // the run stopped while it was being wired: start nothing more
                return;
            }
            if (live == 0) {
                closeAll(handles);
                throw new IllegalStateException("pipeline " + pipeline + " has ended; it starts no more workers");
            }
            Thread thread = null;
            try {
                thread = new Thread(() -> work(step, handles, body), pipeline + "-" + step + "-" + worker);
                threads.add(thread);
                live++;
                busy++;
                thread.start();
            } catch (Throwable notStarted) { // OutOfMemoryError: unable to create a thread, or no heap for one
                if (thread != null && threads.remove(thread)) {
                    live--;
                    busy--;
                }
                closeAll(handles);
                fail(step, notStarted);
            }
        } finally {
            lock.unlock();
        }
    }

    private void work(String step, List<AutoCloseable> handles, Body body) {
        try {
            body.run();
        } catch (Throwable failure) {
            fail(step, failure);
        } finally {
            try {
                lock.lock();
                try {
                    busy--; // before the handles close: see the notes on completion
                } finally {
                    lock.unlock();
                }
            } finally {
                try {
                    closeAll(handles);
                } finally {
                    lock.lock();
                    try {
                        workerEnded();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }

    private static void closeAll(List<AutoCloseable> handles) {
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (Exception impossible) { // Sender and Receiver close() throw nothing
                throw new AssertionError(impossible);
            }
        }
    }

    /**
     * Records a step's exception: the first one fails the run, later ones are suppressed, each
     * instance once, since one can be thrown again (a constant, or the JVM's preallocated one
     * for a hot implicit exception).
     */
    private void fail(String step, Throwable thrown) {
        lock.lock();
        try {
            if (!stopping) {
                failedStep = step;
                failure = thrown;
                stop();
            } else {
                recordLater(thrown);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps an exception thrown after the stop, unless it only shows that the run was stopping.
     * Such a stop signal may carry a real failure as suppressed: a try-with-resources whose send
     * found the channel disconnected and whose resource then failed to close (a step's Stream
     * with an onClose action that throws). Call only holding the lock.
     */
    private void recordLater(Throwable thrown) {
        List<Throwable> chain = causes(thrown);
        if (chain.stream().noneMatch(RunningPipeline::showsTheStop)) {
            keepLater(thrown);
            return;
        }
        for (Throwable link : chain) {
            for (Throwable suppressed : link.getSuppressed()) {
                if (causes(suppressed).stream().noneMatch(RunningPipeline::showsTheStop)) {
                    keepLater(suppressed);
                }
            }
        }
    }

    private void keepLater(Throwable thrown) {
        if (thrown != failure && laterFailures.stream().noneMatch(known -> known == thrown)) {
            laterFailures.add(thrown);
        }
    }

    /** How many links of a cause chain {@link #causes} follows: a longer one is not followed further. */
    private static final int CAUSES_FOLLOWED = 64;

    /**
     * An exception and what it wraps (a step that may not throw InterruptedException rethrows it
     * wrapped), once each and at most {@link #CAUSES_FOLLOWED}: this runs under the run's lock,
     * and getCause() is the user's code, which may loop, make a new exception each time or throw.
     */
    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && chain.size() < CAUSES_FOLLOWED && seen.add(t); t = causeOf(t)) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable causeOf(Throwable thrown) {
        try {
            return thrown.getCause();
        } catch (Throwable broken) { // the user's override, whatever it throws: the chain ends here
            return null;
        }
    }

    /**
     * Whether an exception only shows that the run was stopping: a disconnection or the stop's
     * interrupt, also as interruptible I/O reports it.
     */
    private static boolean showsTheStop(Throwable t) {
        return t instanceof DisconnectedException
                || t instanceof InterruptedException
                || t instanceof CancellationException
                || t instanceof ClosedByInterruptException
                || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException));
    }

    /** A run's own thread that awaited the run would wait for itself forever. */
    private void refuseOwnThread(String call) {
        if (threads().contains(Thread.currentThread())) {
            throw new IllegalStateException(call + " called by a step of pipeline " + pipeline
                    + ", which would wait for itself forever; call cancel() or close() instead");
        }
    }

    /** Stops the run once its outcome is recorded. Call only holding the lock, once. */
    private void stop() {
        assert lock.isHeldByCurrentThread() && !stopping;
        stopping = true;
        if (!starting) {
            release();
        }
    }

    /** Closes every receiver and interrupts every worker. Call only holding the lock. */
    private void release() {
        assert lock.isHeldByCurrentThread() && stopping;
        for (Receiver<?> receiver : receivers) {
            receiver.close();
        }
        for (Thread thread : threads) {
            // Including the current thread if it is a worker: a step that cancels its own run
            // must stop too; one that failed is ending anyway. The caller of cancel() from
            // outside is no worker, so it is never interrupted.
            thread.interrupt();
        }
    }

    /** Counts one worker (or the starting phase) out. Call only holding the lock. */
    private void workerEnded() {
        assert lock.isHeldByCurrentThread();
        if (--live == 0) {
            ended.countDown();
        }
    }

    /**
     * Throws the run's outcome, if it did not end normally: a new exception each time, so that
     * its stack trace shows the caller that awaited the run; the step's own exception, with its
     * stack, is the cause. The exception is built outside the lock: its message calls the
     * step's exception's {@code toString()}, which is the user's code and may be slow.
     */
    private void reportOutcome() {
        String step;
        Throwable cause;
        boolean wasCancelled;
        List<Throwable> later;
        lock.lock();
        try {
            step = failedStep;
            cause = failure;
            wasCancelled = cancelled;
            later = List.copyOf(laterFailures);
        } finally {
            lock.unlock();
        }
        RuntimeException outcome;
        if (step != null) {
            outcome = new PipelineFailedException(pipeline, step, cause);
        } else if (wasCancelled) {
            outcome = new CancellationException("pipeline " + pipeline + " was cancelled");
        } else {
            return;
        }
        later.forEach(outcome::addSuppressed);
        throw outcome;
    }

    /** A timeout in nanoseconds: 0 if negative, and saturated, so that a huge Duration waits for good. */
    private static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout is null; pass a Duration such as Duration.ofSeconds(1)");
        return Math.max(0L, TimeUnit.NANOSECONDS.convert(timeout));
    }
}
