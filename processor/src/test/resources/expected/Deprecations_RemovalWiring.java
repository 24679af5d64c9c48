package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Deprecations.Removal} pipeline, each step on its own threads:
 * <pre>
 * doomed -> take
 * </pre>
 * Generated from {@link Deprecations.Removal}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
@SuppressWarnings("removal")
public final class Deprecations_RemovalWiring {
    private Deprecations_RemovalWiring() {
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
    public static void run(Deprecations.Removal steps) throws InterruptedException {
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
    public static PipelineRun start(Deprecations.Removal steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Deprecations.Removal steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Removal");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<Deprecations.Doomed> toTake = run.channel(256);
            startDoomed(run, steps, toTake);
            startTake(run, steps, toTake);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code doomed()}: the source, on one thread.
     */
    private static void startDoomed(RunningPipeline<?, ?> run, Deprecations.Removal steps,
            Channel<Deprecations.Doomed> out) {
        run.startSource("doomed", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.doomed()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code take(Doomed)}: the sink, on one thread.
     */
    private static void startTake(RunningPipeline<?, ?> run, Deprecations.Removal steps,
            Channel<Deprecations.Doomed> in) {
        run.startSink("take", 1, in.receiver().clone(), doomed -> steps.take(doomed));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
