package fixtures;

import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link CapturedElements.ListsBoundedTwice} pipeline, each step on its own threads:
 * <pre>
 * lists -> take
 * </pre>
 * Generated from {@link CapturedElements.ListsBoundedTwice}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class CapturedElements_ListsBoundedTwiceWiring {
    private CapturedElements_ListsBoundedTwiceWiring() {
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
    public static void run(CapturedElements.ListsBoundedTwice steps) throws InterruptedException {
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
    public static PipelineRun start(CapturedElements.ListsBoundedTwice steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(CapturedElements.ListsBoundedTwice steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("ListsBoundedTwice");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<List<? extends Number>> toTake = run.channel(256);
            startLists(run, steps, toTake);
            startTake(run, steps, toTake);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code lists()}: the source, on one thread.
     */
    private static void startLists(RunningPipeline<?, ?> run,
            CapturedElements.ListsBoundedTwice steps, Channel<List<? extends Number>> out) {
        run.startSource("lists", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.lists()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code take(List<? extends Number>)}: the sink, on one thread.
     */
    private static void startTake(RunningPipeline<?, ?> run,
            CapturedElements.ListsBoundedTwice steps, Channel<List<? extends Number>> in) {
        run.startSink("take", 1, in.receiver().clone(), chores -> steps.take(chores));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
