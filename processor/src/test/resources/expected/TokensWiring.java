package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Tokens} pipeline, each step on its own threads:
 * <pre>
 * tokens -> print
 * </pre>
 * Generated from {@link Tokens}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class TokensWiring {
    private TokensWiring() {
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
    public static void run(Tokens steps) throws InterruptedException {
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
    public static PipelineRun start(Tokens steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Tokens steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Tokens");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toPrint = run.channel(256);
            startTokens(run, steps, toPrint);
            startPrint(run, steps, toPrint);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code tokens()}: the source, on one thread.
     */
    private static void startTokens(RunningPipeline<?, ?> run, Tokens steps, Channel<String> out) {
        run.startSource("tokens", 1, out.sender().clone(), to -> Outputs.sendIterator(to, steps.tokens()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code print(CharSequence)}: the sink, on one thread.
     */
    private static void startPrint(RunningPipeline<?, ?> run, Tokens steps, Channel<String> in) {
        run.startSink("print", 1, in.receiver().clone(), token -> steps.print(token));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
