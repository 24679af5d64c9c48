package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link OddNames} pipeline, each step on its own threads:
 * <pre>
 * run -> start -> sender -> in -> worker (2 workers) -> sealed -> wire
 * </pre>
 * Generated from {@link OddNames}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class OddNamesWiring {
    private OddNamesWiring() {
    }

    /**
     * Runs the pipeline to its end: starts every step, waits until all of them are done,
     * and rethrows the first failure.
     *
     * @param steps the implementation of every step
     * @throws InterruptedException if interrupted while waiting; the run is then cancelled, and
     *     this throws once its threads have ended (a step that ignores interrupts delays it)
     * @throws pneumatic.PipelineFailedException if a step throws
     */
    public static void run(OddNames steps) throws InterruptedException {
        try (RunningPipeline<Void, Void> run = wire(steps)) {
            run.await();
        }
    }

    /**
     * Starts every step on its own threads and returns at once.
     *
     * @param steps the implementation of every step
     * @return the run: await it, or close it to stop it and wait for its threads
     */
    public static PipelineRun start(OddNames steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(OddNames steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("OddNames");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toStart = run.channel(256);
            Channel<String> toSender = run.channel(256);
            Channel<String> toIn = run.channel(256);
            Channel<String> toWorker = run.channel(256);
            Channel<String> toSealed = run.channel(256);
            Channel<String> toWire = run.channel(256);
            startRun(run, steps, toStart);
            startStart(run, steps, toStart, toSender);
            startSender(run, steps, toSender, toIn);
            startIn(run, steps, toIn, toWorker);
            startWorker(run, steps, toWorker, toSealed);
            startSealed(run, steps, toSealed, toWire);
            startWire(run, steps, toWire);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code run(Sender<String>)}: the source, on one thread.
     */
    private static void startRun(RunningPipeline<?, ?> run, OddNames steps, Channel<String> out) {
        run.startSource("run", 1, out.sender().clone(), to -> steps.run(to));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code start(String)}: the stage, on one thread.
     */
    private static void startStart(RunningPipeline<?, ?> run, OddNames steps, Channel<String> in,
            Channel<String> out) {
        run.startStage("start", 1, in.receiver().clone(), out.sender().clone(),
                (to, to_) -> Outputs.sendOne(to_, steps.start(to)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code sender(String, Sender<String>)}: the stage, on one thread.
     */
    private static void startSender(RunningPipeline<?, ?> run, OddNames steps, Channel<String> in,
            Channel<String> out) {
        run.startStage("sender", 1, in.receiver().clone(), out.sender().clone(),
                (steps_, to) -> steps.sender(steps_, to));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code in(String)}: the stage, on one thread.
     */
    private static void startIn(RunningPipeline<?, ?> run, OddNames steps, Channel<String> in,
            Channel<String> out) {
        run.startStage("in", 1, in.receiver().clone(), out.sender().clone(),
                (out_, to) -> Outputs.sendPresent(to, steps.in(out_)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code worker(String)}: the stage, on 2 threads that compete for its input.
     */
    private static void startWorker(RunningPipeline<?, ?> run, OddNames steps, Channel<String> in,
            Channel<String> out) {
        for (int worker = 0; worker < 2; worker++) {
            run.startStage("worker", worker + 1, in.receiver().clone(), out.sender().clone(),
                    (worker_, to) -> Outputs.sendOne(to, steps.worker(worker_)));
        }
        // Drop the originals: the workers' clones are now the only handles,
        // so the next step ends exactly when the last of these workers does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code sealed(String)}: the stage, on one thread.
     */
    private static void startSealed(RunningPipeline<?, ?> run, OddNames steps, Channel<String> in,
            Channel<String> out) {
        run.startStage("sealed", 1, in.receiver().clone(), out.sender().clone(),
                (yield_, to) -> Outputs.sendOne(to, steps.sealed(yield_)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code wire(String)}: the sink, on one thread.
     */
    private static void startWire(RunningPipeline<?, ?> run, OddNames steps, Channel<String> in) {
        run.startSink("wire", 1, in.receiver().clone(), in_ -> steps.wire(in_));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
