package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Deprecations.Unnamed} pipeline, each step on its own threads:
 * <pre>
 * olds -> renew -> take
 * </pre>
 * Generated from {@link Deprecations.Unnamed}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class Deprecations_UnnamedWiring {
    private Deprecations_UnnamedWiring() {
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
    public static void run(Deprecations.Unnamed steps) throws InterruptedException {
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
    public static PipelineRun start(Deprecations.Unnamed steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Deprecations.Unnamed steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Unnamed");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<Object> toRenew = run.channel(256);
            Channel<Deprecations.Newer> toTake = run.channel(256);
            startOlds(run, steps, toRenew);
            startRenew(run, steps, toRenew, toTake);
            startTake(run, steps, toTake);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code olds()}: the source, on one thread.
     */
    private static void startOlds(RunningPipeline<?, ?> run, Deprecations.Unnamed steps,
            Channel<Object> out) {
        run.startSource("olds", 1, out.sender().clone(), to -> Outputs.sendStream(to, steps.olds()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code renew(Object)}: the stage, on one thread.
     */
    private static void startRenew(RunningPipeline<?, ?> run, Deprecations.Unnamed steps,
            Channel<Object> in, Channel<Deprecations.Newer> out) {
        run.startStage("renew", 1, in.receiver().clone(), out.sender().clone(),
                (old, to) -> Outputs.sendOne(to, steps.renew(old)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code take(Old)}: the sink, on one thread.
     */
    private static void startTake(RunningPipeline<?, ?> run, Deprecations.Unnamed steps,
            Channel<Deprecations.Newer> in) {
        run.startSink("take", 1, in.receiver().clone(), old -> steps.take(old));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
