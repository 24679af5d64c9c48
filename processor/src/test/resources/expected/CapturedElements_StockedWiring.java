package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link CapturedElements.Stocked} pipeline, each step on its own threads:
 * <pre>
 * stock -> take
 * </pre>
 * Generated from {@link CapturedElements.Stocked}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class CapturedElements_StockedWiring {
    private CapturedElements_StockedWiring() {
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
    public static void run(CapturedElements.Stocked steps) throws InterruptedException {
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
    public static PipelineRun start(CapturedElements.Stocked steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(CapturedElements.Stocked steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Stocked");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<Number> toTake = run.channel(256);
            startStock(run, steps, toTake);
            startTake(run, steps, toTake);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code stock()}: the source, on one thread.
     */
    private static void startStock(RunningPipeline<?, ?> run, CapturedElements.Stocked steps,
            Channel<Number> out) {
        run.startSource("stock", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.stock()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code take(Number)}: the sink, on one thread.
     */
    private static void startTake(RunningPipeline<?, ?> run, CapturedElements.Stocked steps,
            Channel<Number> in) {
        run.startSink("take", 1, in.receiver().clone(), number -> steps.take(number));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
