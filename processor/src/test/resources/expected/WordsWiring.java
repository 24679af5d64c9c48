package fixtures;

import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Words} pipeline, each step on its own threads:
 * <pre>
 * lines -> words -> output()
 * </pre>
 * Generated from {@link Words}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class WordsWiring {
    private WordsWiring() {
    }

    /**
     * Runs the pipeline to its end: starts every step, waits until all of them are done,
     * and rethrows the first failure.
     *
     * @param steps the implementation of every step
     * @return every value the last step emitted, in the order they arrived
     * @throws InterruptedException if interrupted while waiting; the run is then cancelled, and
     *     this throws once its threads have ended (a step that ignores interrupts delays it)
     * @throws pneumatic.PipelineFailedException if a step throws
     */
    public static List<String> run(Words steps) throws InterruptedException {
        try (RunningPipeline<Void, String> run = wire(steps)) {
            List<String> results = run.collect();
            run.await();
            return results;
        }
    }

    /**
     * Starts every step on its own threads and returns at once.
     *
     * @param steps the implementation of every step
     * @return the run; its results come out of {@code output()}
     */
    public static PipelineRun.WithOutput<String> start(Words steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, String> wire(Words steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, String> run = new RunningPipeline<>("Words");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toWords = run.channel(256);
            Channel<String> output = run.channel(256);
            // The caller drains the last step: output() is this channel's original receiver.
            run.exposeOutput(output.receiver());
            startLines(run, steps, toWords);
            startWords(run, steps, toWords, output);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code lines()}: the source, on one thread.
     */
    private static void startLines(RunningPipeline<?, ?> run, Words steps, Channel<String> out) {
        run.startSource("lines", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.lines()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code words(String)}: the stage, on one thread.
     */
    private static void startWords(RunningPipeline<?, ?> run, Words steps, Channel<String> in,
            Channel<String> out) {
        run.startStage("words", 1, in.receiver().clone(), out.sender().clone(),
                (line, to) -> Outputs.sendStream(to, steps.words(line)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }
}
