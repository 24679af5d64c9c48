package fixtures;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;
import pneumatic.Outputs;
import pneumatic.PipelineRun;
import pneumatic.RunningPipeline;
import pneumatic.channel.Channel;

/**
 * Runs the {@link Generics} pipeline, each step on its own threads:
 * <pre>
 * tables -> rows -> size -> total
 * </pre>
 * Generated from {@link Generics}; change the interface, not this class.
 */
@Generated("pneumatic.processor.PipelineProcessor")
public final class GenericsWiring {
    private GenericsWiring() {
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
    public static void run(Generics steps) throws InterruptedException {
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
    public static PipelineRun start(Generics steps) {
        return wire(steps);
    }

    private static RunningPipeline<Void, Void> wire(Generics steps) {
        Objects.requireNonNull(steps, "steps");
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Generics");
        try {
            // One channel per edge, each named after the step it feeds.
            Channel<Map<String, List<Integer>>> toRows = run.channel(256);
            Channel<List<? extends Number>> toSize = run.channel(256);
            Channel<Integer> toTotal = run.channel(256);
            startTables(run, steps, toRows);
            startRows(run, steps, toRows, toSize);
            startSize(run, steps, toSize, toTotal);
            startTotal(run, steps, toTotal);
            return run.started();
        } catch (Throwable wiringFailed) {
            // Out of memory half-way, say: stop the workers already started, then rethrow.
            run.abandon(wiringFailed);
            throw wiringFailed;
        }
    }

    /**
     * {@code tables()}: the source, on one thread.
     */
    private static void startTables(RunningPipeline<?, ?> run, Generics steps,
            Channel<Map<String, List<Integer>>> out) {
        run.startSource("tables", 1, out.sender().clone(), to -> Outputs.sendStream(to, steps.tables()));
        // Drop the original sender: the worker's clone is now the only one,
        // so the next step ends exactly when this one does.
        out.sender().close();
    }

    /**
     * {@code rows(Map<String, ? extends List<? extends Number>>, Sender<? super List<? extends Number>>)}: the stage, on one thread.
     */
    private static void startRows(RunningPipeline<?, ?> run, Generics steps,
            Channel<Map<String, List<Integer>>> in, Channel<List<? extends Number>> out) {
        run.startStage("rows", 1, in.receiver().clone(), out.sender().clone(),
                (table, to) -> steps.rows(table, to));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code size(List<?>)}: the stage, on one thread.
     */
    private static void startSize(RunningPipeline<?, ?> run, Generics steps,
            Channel<List<? extends Number>> in, Channel<Integer> out) {
        run.startStage("size", 1, in.receiver().clone(), out.sender().clone(),
                (row, to) -> Outputs.sendOne(to, steps.size(row)));
        // Drop the originals: the worker's clones are now the only handles,
        // so the next step ends exactly when this one does.
        in.receiver().close();
        out.sender().close();
    }

    /**
     * {@code total(Number)}: the sink, on one thread.
     */
    private static void startTotal(RunningPipeline<?, ?> run, Generics steps, Channel<Integer> in) {
        run.startSink("total", 1, in.receiver().clone(), size -> steps.total(size));
        // Drop the original receiver: once the worker ends, the step
        // before this one finds out at its next send.
        in.receiver().close();
    }
}
