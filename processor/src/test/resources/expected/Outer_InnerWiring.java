package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Outer.Inner} pipeline, each step on its own threads:
 * <pre>
 * names -> greet
 * </pre>
 * Generated from {@link Outer.Inner}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class Outer_InnerWiring {
    private Outer_InnerWiring() {
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
    public static void run(Outer.Inner steps) throws InterruptedException {
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
    public static PipelineRun start(Outer.Inner steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Outer.Inner steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Inner");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toGreet = run.channel(256);
            startNames(run, steps, toGreet);
            startGreet(run, steps, toGreet);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code names()}: the source, on one thread.
     */
    private static void startNames(RunningPipeline<?, ?> run, Outer.Inner steps,
            Channel<String> out) {
        run.startSource("names", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.names()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code greet(String)}: the sink, on one thread.
     */
    private static void startGreet(RunningPipeline<?, ?> run, Outer.Inner steps,
            Channel<String> in) {
        run.startSink("greet", 1, in.receiver().clone(), name -> steps.greet(name));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
