package fixtures;

import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.Stage;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Numbers} pipeline, each step on its own threads:
 * <pre>
 * numbers -> square -> widen -> add (3 workers)
 * </pre>
 * Generated from {@link Numbers}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class NumbersWiring {
    private NumbersWiring() {
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
    public static void run(Numbers steps) throws InterruptedException {
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
    public static PipelineRun start(Numbers steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Numbers steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Numbers");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<Integer> toSquare = run.channel(0);
            Channel<Integer> toWiden = run.channel(Stage.UNBOUNDED);
            Channel<Long> toAdd = run.channel(256);
            startNumbers(run, steps, toSquare);
            startSquare(run, steps, toSquare, toWiden);
            startWiden(run, steps, toWiden, toAdd);
            startAdd(run, steps, toAdd);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code numbers()}: the source, on one thread.
     */
    private static void startNumbers(RunningPipeline<?, ?> run, Numbers steps,
            Channel<Integer> out) {
        run.startSource("numbers", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.numbers()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code square(int)}: the stage, on one thread.
     */
    private static void startSquare(RunningPipeline<?, ?> run, Numbers steps, Channel<Integer> in,
            Channel<Integer> out) {
        run.startStage("square", 1, in.receiver().clone(), out.sender().clone(),
                (n, to) -> Outputs.sendOne(to, steps.square(n)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code widen(Integer)}: the stage, on one thread.
     */
    private static void startWiden(RunningPipeline<?, ?> run, Numbers steps, Channel<Integer> in,
            Channel<Long> out) {
        run.startStage("widen", 1, in.receiver().clone(), out.sender().clone(),
                (n, to) -> Outputs.sendOne(to, steps.widen(n)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code add(long)}: the sink, on 3 threads that compete for its input.
     */
    private static void startAdd(RunningPipeline<?, ?> run, Numbers steps, Channel<Long> in) {
        for (int worker = 0; worker < 3; worker++) {
            run.startSink("add", worker + 1, in.receiver().clone(), n -> steps.add(n));
        }
        // Drop the original receiver: once the workers end, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
