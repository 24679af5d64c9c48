package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Registry.Lookup} pipeline, each step on its own threads:
 * <pre>
 * keys -> find
 * </pre>
 * Generated from {@link Registry.Lookup}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class Lookup {
    private Lookup() {
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
    public static void run(Registry.Lookup steps) throws InterruptedException {
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
    public static PipelineRun start(Registry.Lookup steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Registry.Lookup steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Lookup");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toFind = run.channel(256);
            startKeys(run, steps, toFind);
            startFind(run, steps, toFind);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code keys()}: the source, on one thread.
     */
    private static void startKeys(RunningPipeline<?, ?> run, Registry.Lookup steps,
            Channel<String> out) {
        run.startSource("keys", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.keys()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code find(String)}: the sink, on one thread.
     */
    private static void startFind(RunningPipeline<?, ?> run, Registry.Lookup steps,
            Channel<String> in) {
        run.startSink("find", 1, in.receiver().clone(), key -> steps.find(key));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
