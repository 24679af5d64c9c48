package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link WordCount} pipeline, each step on its own threads:
 * <pre>
 * lines -> words (4 workers) -> lower -> longOnes -> variants (2 workers) -> count
 * </pre>
 * Generated from {@link WordCount}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class WordCountWiring {
    private WordCountWiring() {
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
    public static void run(WordCount steps) throws InterruptedException {
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
    public static PipelineRun start(WordCount steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(WordCount steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("WordCount");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toWords = run.channel(256);
            Channel<String> toLower = run.channel(256);
            Channel<String> toLongOnes = run.channel(256);
            Channel<String> toVariants = run.channel(16);
            Channel<String> toCount = run.channel(256);
            startLines(run, steps, toWords);
            startWords(run, steps, toWords, toLower);
            startLower(run, steps, toLower, toLongOnes);
            startLongOnes(run, steps, toLongOnes, toVariants);
            startVariants(run, steps, toVariants, toCount);
            startCount(run, steps, toCount);
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
    private static void startLines(RunningPipeline<?, ?> run, WordCount steps,
            Channel<String> out) {
        run.startSource("lines", 1, out.sender().clone(), to -> Outputs.sendStream(to, steps.lines()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code words(String, Sender<String>)}: the stage, on 4 threads that compete for its input.
     */
    private static void startWords(RunningPipeline<?, ?> run, WordCount steps, Channel<String> in,
            Channel<String> out) {
        for (int worker = 0; worker < 4; worker++) {
            run.startStage("words", worker + 1, in.receiver().clone(), out.sender().clone(),
                    (line, to) -> steps.words(line, to));
        }
        // Drop the originals: the workers' clones are now the only handles,
        // so the next step ends exactly when the last of these workers does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code lower(String)}: the stage, on one thread.
     */
    private static void startLower(RunningPipeline<?, ?> run, WordCount steps, Channel<String> in,
            Channel<String> out) {
        run.startStage("lower", 1, in.receiver().clone(), out.sender().clone(),
                (word, to) -> Outputs.sendOne(to, steps.lower(word)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code longOnes(String)}: the stage, on one thread.
     */
    private static void startLongOnes(RunningPipeline<?, ?> run, WordCount steps,
            Channel<String> in, Channel<String> out) {
        run.startStage("longOnes", 1, in.receiver().clone(), out.sender().clone(),
                (word, to) -> Outputs.sendPresent(to, steps.longOnes(word)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code variants(String)}: the stage, on 2 threads that compete for its input.
     */
    private static void startVariants(RunningPipeline<?, ?> run, WordCount steps,
            Channel<String> in, Channel<String> out) {
        for (int worker = 0; worker < 2; worker++) {
            run.startStage("variants", worker + 1, in.receiver().clone(), out.sender().clone(),
                    (word, to) -> Outputs.sendStream(to, steps.variants(word)));
        }
        // Drop the originals: the workers' clones are now the only handles,
        // so the next step ends exactly when the last of these workers does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code count(String)}: the sink, on one thread.
     */
    private static void startCount(RunningPipeline<?, ?> run, WordCount steps, Channel<String> in) {
        run.startSink("count", 1, in.receiver().clone(), word -> steps.count(word));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
