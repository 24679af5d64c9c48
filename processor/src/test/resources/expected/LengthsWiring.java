package fixtures;

import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Lengths} pipeline, each step on its own threads:
 * <pre>
 * input() -> nonBlank -> length (2 workers) -> output()
 * </pre>
 * Generated from {@link Lengths}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class LengthsWiring {
    private LengthsWiring() {
    }

    /**
     * Runs the pipeline to its end: starts every step, waits until all of them are done,
     * and rethrows the first failure.
     *
     * @param steps the implementation of every step
     * @param inputs the values to feed the first step, sent from a thread of the run;
     *     if iterating them throws, the run fails with {@code stage()} {@code "<input>"}
     * @return every value the last step emitted, in the order they arrived
     * @throws InterruptedException if interrupted while waiting; the run is then cancelled, and
     *     this throws once its threads have ended (a step that ignores interrupts delays it)
     * @throws pneumatic.PipelineFailedException if a step throws
     */
    public static List<Integer> run(Lengths steps, Iterable<? extends String> inputs) throws
            InterruptedException {
        try (RunningPipeline<String, Integer> run = wire(steps)) {
            run.feed(inputs);
            List<Integer> results = run.collect();
            run.await();
            return results;
        }
    }

    /**
     * Starts every step on its own threads and returns at once.
     *
     * @param steps the implementation of every step
     * @return the run; feed it through {@code input()} and close that to end it
     */
    public static PipelineRun.WithInputAndOutput<String, Integer> start(Lengths steps) {
        return wire(steps);
    }

    private static RunningPipeline<String, Integer> wire(Lengths steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<String, Integer> run = new RunningPipeline<>("Lengths");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toNonBlank = run.channel(8);
            Channel<String> toLength = run.channel(256);
            Channel<Integer> output = run.channel(256);
            // The caller feeds the first step: input() is this channel's original sender.
            run.exposeInput(toNonBlank.sender());
            // The caller drains the last step: output() is this channel's original receiver.
            run.exposeOutput(output.receiver());
            startNonBlank(run, steps, toNonBlank, toLength);
            startLength(run, steps, toLength, output);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code nonBlank(String)}: the stage, on one thread.
     */
    private static void startNonBlank(RunningPipeline<?, ?> run, Lengths steps, Channel<String> in,
            Channel<String> out) {
        run.startStage("nonBlank", 1, in.receiver().clone(), out.sender().clone(),
                (line, to) -> Outputs.sendPresent(to, steps.nonBlank(line)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code length(String)}: the stage, on 2 threads that compete for its input.
     */
    private static void startLength(RunningPipeline<?, ?> run, Lengths steps, Channel<String> in,
            Channel<Integer> out) {
        for (int worker = 0; worker < 2; worker++) {
            run.startStage("length", worker + 1, in.receiver().clone(), out.sender().clone(),
                    (line, to) -> Outputs.sendOne(to, steps.length(line)));
        }
        // Drop the originals: the workers' clones are now the only handles,
        // so the next step ends exactly when the last of these workers does.
        in.receiver().close();
        out.sender().close();
    }
}
