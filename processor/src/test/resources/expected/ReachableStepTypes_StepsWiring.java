package fixtures;

import java.util.AbstractMap;
import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link ReachableStepTypes.Steps} pipeline, each step on its own threads:
 * <pre>
 * rows -> pair -> take
 * </pre>
 * Generated from {@link ReachableStepTypes.Steps}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class ReachableStepTypes_StepsWiring {
    private ReachableStepTypes_StepsWiring() {
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
    public static void run(ReachableStepTypes.Steps steps) throws InterruptedException {
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
    public static PipelineRun start(ReachableStepTypes.Steps steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(ReachableStepTypes.Steps steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Steps");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<ReachableStepTypes.Row> toPair = run.channel(256);
            Channel<AbstractMap.SimpleEntry<ReachableStepTypes.Row, ReachableStepTypes.Cell>> toTake = run.channel(256);
            startRows(run, steps, toPair);
            startPair(run, steps, toPair, toTake);
            startTake(run, steps, toTake);
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
    private static void startRows(RunningPipeline<?, ?> run, ReachableStepTypes.Steps steps,
            Channel<ReachableStepTypes.Row> out) {
        run.startSource("rows", 1, out.sender().clone(), to -> Outputs.sendIterable(to, steps.rows()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code pair(Row)}: the stage, on one thread.
     */
    private static void startPair(RunningPipeline<?, ?> run, ReachableStepTypes.Steps steps,
            Channel<ReachableStepTypes.Row> in,
            Channel<AbstractMap.SimpleEntry<ReachableStepTypes.Row, ReachableStepTypes.Cell>> out) {
        run.startStage("pair", 1, in.receiver().clone(), out.sender().clone(),
                (row, to) -> Outputs.sendOne(to, steps.pair(row)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code take(Map.Entry<Row, Cell>)}: the sink, on one thread.
     */
    private static void startTake(RunningPipeline<?, ?> run, ReachableStepTypes.Steps steps,
            Channel<AbstractMap.SimpleEntry<ReachableStepTypes.Row, ReachableStepTypes.Cell>> in) {
        run.startSink("take", 1, in.receiver().clone(), entry -> steps.take(entry));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
