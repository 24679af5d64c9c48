package fixtures;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link CapturedElements.Shelved} pipeline, each step on its own threads:
 * <pre>
 * rows -> put
 * </pre>
 * Generated from {@link CapturedElements.Shelved}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class CapturedElements_ShelvedWiring {
    private CapturedElements_ShelvedWiring() {
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
    public static void run(CapturedElements.Shelved steps) throws InterruptedException {
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
    public static PipelineRun start(CapturedElements.Shelved steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(CapturedElements.Shelved steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Shelved");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<Map<String, ? extends List<? extends Integer>>> toPut = run.channel(256);
            startRows(run, steps, toPut);
            startPut(run, steps, toPut);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code rows()}: the source, on one thread.
     */
    private static void startRows(RunningPipeline<?, ?> run, CapturedElements.Shelved steps,
            Channel<Map<String, ? extends List<? extends Integer>>> out) {
        run.startSource("rows", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.rows()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code put(Map<String, ? extends List<? extends Integer>>)}: the sink, on one thread.
     */
    private static void startPut(RunningPipeline<?, ?> run, CapturedElements.Shelved steps,
            Channel<Map<String, ? extends List<? extends Integer>>> in) {
        run.startSink("put", 1, in.receiver().clone(), row -> steps.put(row));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
