package fixtures;

import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Batches} pipeline, each step on its own threads:
 * <pre>
 * read -> split -> store (2 workers)
 * </pre>
 * Generated from {@link Batches}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class BatchesWiring {
    private BatchesWiring() {
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
    public static void run(Batches steps) throws InterruptedException {
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
    public static PipelineRun start(Batches steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Batches steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Batches");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<String> toSplit = run.channel(256);
            Channel<List<String>> toStore = run.channel(256);
            startRead(run, steps, toSplit);
            startSplit(run, steps, toSplit, toStore);
            startStore(run, steps, toStore);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code read(Sender<String>)}: the source, on one thread.
     */
    private static void startRead(RunningPipeline<?, ?> run, Batches steps, Channel<String> out) {
        run.startSource("read", 1, out.sender().clone(), to -> steps.read(to));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code split(String)}: the stage, on one thread.
     */
    private static void startSplit(RunningPipeline<?, ?> run, Batches steps, Channel<String> in,
            Channel<List<String>> out) {
        run.startStage("split", 1, in.receiver().clone(), out.sender().clone(),
                (line, to) -> Outputs.sendOne(to, steps.split(line)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code store(List<String>)}: the sink, on 2 threads that compete for its input.
     */
    private static void startStore(RunningPipeline<?, ?> run, Batches steps,
            Channel<List<String>> in) {
        for (int worker = 0; worker < 2; worker++) {
            run.startSink("store", worker + 1, in.receiver().clone(), batch -> steps.store(batch));
        }
        // Drop the original receiver: once the workers end, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
