package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link CapturedElements.Ranking} pipeline, each step on its own threads:
 * <pre>
 * ranked -> take
 * </pre>
 * Generated from {@link CapturedElements.Ranking}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class CapturedElements_RankingWiring {
    private CapturedElements_RankingWiring() {
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
    public static void run(CapturedElements.Ranking steps) throws InterruptedException {
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
    public static PipelineRun start(CapturedElements.Ranking steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(CapturedElements.Ranking steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Ranking");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<Comparable<?>> toTake = run.channel(256);
            startRanked(run, steps, toTake);
            startTake(run, steps, toTake);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code ranked()}: the source, on one thread.
     */
    private static void startRanked(RunningPipeline<?, ?> run, CapturedElements.Ranking steps,
            Channel<Comparable<?>> out) {
        run.startSource("ranked", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.ranked()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code take(Comparable<?>)}: the sink, on one thread.
     */
    private static void startTake(RunningPipeline<?, ?> run, CapturedElements.Ranking steps,
            Channel<Comparable<?>> in) {
        run.startSink("take", 1, in.receiver().clone(), value -> steps.take(value));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
