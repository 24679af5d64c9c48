package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Shout} pipeline, each step on its own threads:
 * <pre>
 * input() -> upper (2 workers) -> print
 * </pre>
 * Generated from {@link Shout}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class ShoutWiring {
    private ShoutWiring() {
    }

    /**
     * Runs the pipeline to its end: starts every step, waits until all of them are done,
     * and rethrows the first failure.
     *
     * @param steps the implementation of every step
     * @param inputs the values to feed the first step, sent from a thread of the run;
     *     if iterating them throws, the run fails with {@code stage()} {@code "<input>"}
     * @throws InterruptedException if interrupted while waiting; the run is then cancelled, and
     *     this throws once its threads have ended (a step that ignores interrupts delays it)
     * @throws pneumatic.PipelineFailedException if a step throws
     */
    public static void run(Shout steps, Iterable<? extends String> inputs) throws
            InterruptedException {
        try (RunningPipeline<String, Void> run = wire(steps)) {
            run.feed(inputs);
            run.await();
        }
    }

    /**
     * Starts every step on its own threads and returns at once.
     *
     * @param steps the implementation of every step
     * @return the run; feed it through {@code input()} and close that to end it
     */
    public static PipelineRun.WithInput<String> start(Shout steps) {
        return wire(steps);
    }

    private static RunningPipeline<String, Void> wire(Shout steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<String, Void> run = new RunningPipeline<>("Shout");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toUpper = run.channel(256);
            Channel<String> toPrint = run.channel(256);
            // The caller feeds the first step: input() is this channel's original sender.
            run.exposeInput(toUpper.sender());
            startUpper(run, steps, toUpper, toPrint);
            startPrint(run, steps, toPrint);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code upper(String)}: the stage, on 2 threads that compete for its input.
     */
    private static void startUpper(RunningPipeline<?, ?> run, Shout steps, Channel<String> in,
            Channel<String> out) {
        for (int worker = 0; worker < 2; worker++) {
            run.startStage("upper", worker + 1, in.receiver().clone(), out.sender().clone(),
                    (line, to) -> Outputs.sendOne(to, steps.upper(line)));
        }
        // Drop the originals: the workers' clones are now the only handles,
        // so the next step ends exactly when the last of these workers does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code print(String)}: the sink, on one thread.
     */
    private static void startPrint(RunningPipeline<?, ?> run, Shout steps, Channel<String> in) {
        run.startSink("print", 1, in.receiver().clone(), line -> steps.print(line));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
