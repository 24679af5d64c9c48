package pneumatic;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;

/**
 * One run of a pipeline, as {@code XWiring.start(impl)} returns it: every step already running
 * on its own threads.
 *
 * <pre>{@code
 * try (PipelineRun run = WordCountWiring.start(new MyWordCount())) {
 *     run.await();                          // returns when the source is exhausted and all is done
 * } catch (PipelineFailedException e) {
 *     System.err.println(e.stage() + " failed: " + e.getCause());
 * }
 * }</pre>
 *
 * <p>A run ends in one of three ways:
 * <ul>
 *   <li><b>Normally</b>: the source is exhausted (or the caller closed {@link WithInput#input()}),
 *       every value has gone all the way through, and every thread has ended.</li>
 *   <li><b>Failed</b>: a step threw. The other steps are stopped (their channels are closed and
 *       their threads interrupted), and {@link #await()} throws {@link PipelineFailedException}
 *       naming the step, with the step's exception as the cause.</li>
 *   <li><b>Cancelled</b>: {@link #cancel()} or {@link #close()} stopped it the same way;
 *       {@link #await()} throws {@link CancellationException}.</li>
 * </ul>
 *
 * <p>A run never leaks a thread when it is used in try-with-resources: {@link #close()} cancels
 * a run that is still going and waits for all of its threads.
 *
 * <p>Stopping needs the steps' help, as {@code ExecutorService.shutdownNow()} does: a step stops
 * at its next send, before its next value, or where the interrupt reaches it in a method that
 * answers interrupts (a sleep, {@code BlockingQueue.take}, interruptible I/O). A step blocked
 * in code deaf to interrupts keeps the run going until that code returns, and {@link #await()}
 * and {@link #close()} wait for it. A step that swallows the interrupt still stops at its next send,
 * except one that feeds {@link WithOutput#output()}, which the stop leaves open: it goes on
 * sending while there is room there, and waits for room when there is none. So restore the
 * interrupt status when you catch {@link InterruptedException} in a step.
 */
public interface PipelineRun extends AutoCloseable {

    /**
     * Waits until the run has ended and every one of its threads has finished.
     *
     * <pre>{@code
     * PipelineRun run = WordCountWiring.start(impl);
     * run.await();
     * }</pre>
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting; the run
     *     goes on
     * @throws PipelineFailedException if a step failed
     * @throws CancellationException if the run was cancelled
     * @throws IllegalStateException if called from one of the run's own steps, which would wait
     *     for itself forever
     */
    void await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the run to end.
     *
     * <pre>{@code
     * if (!run.await(Duration.ofSeconds(30))) {
     *     run.cancel();                         // taking too long
     * }
     * }</pre>
     *
     * @param timeout how long to wait at most
     * @return {@code true} if the run has ended normally, {@code false} if it is still going
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws PipelineFailedException if the run ended because a step failed
     * @throws CancellationException if the run was cancelled
     * @throws IllegalStateException if called from one of the run's own steps
     */
    boolean await(Duration timeout) throws InterruptedException;

    /**
     * Stops the run: every step's channels are closed, blocked threads are released and every
     * thread is interrupted. Returns at once; {@link #await()} then throws
     * {@link CancellationException}. Does nothing once every step has returned (the run has
     * ended, or its threads are only closing their channels: every value has gone through, so a
     * {@code close()} right after a loop over {@link WithOutput#output()} has ended leaves a
     * normal run normal), or if a step has already failed: {@link #await()} then throws that
     * {@link PipelineFailedException}.
     * The caller's {@link WithOutput#output()} stays open: a loop over it ends once the last
     * step's threads have ended.
     */
    void cancel();

    /**
     * Tells whether every step of the run has ended, normally or not.
     *
     * @return {@code true} once the run has ended
     */
    boolean isDone();

    /**
     * Cancels the run if it is still going, then waits for all of its threads, so that no
     * thread outlives the run. It does not report the outcome; call {@link #await()} for that.
     * An interrupt while it waits is kept in the thread's interrupt status. Called from one of
     * the run's own steps, it only cancels the run and returns: a step cannot wait for the run it
     * belongs to, since another step may be closing the run at the same moment and so be waiting
     * for this one. The caller of {@link #await()} or {@code close()} outside the run does the
     * waiting.
     */
    @Override
    void close();

    /**
     * A run of a pipeline without a {@link Source}: the caller feeds it.
     *
     * <pre>{@code
     * try (PipelineRun.WithInput<String> run = ShoutWiring.start(impl)) {
     *     try (Sender<String> in = run.input()) {
     *         for (String line : lines) {
     *             in.send(line);
     *         }
     *     } catch (DisconnectedException e) {
     *         // the run failed or was cancelled: stop feeding, await() says why
     *     }                                     // closing the input ends the pipeline
     *     run.await();                          // throws PipelineFailedException if a step failed
     * }
     * }</pre>
     *
     * <p>Once a step has failed, the next {@code send} throws
     * {@link pneumatic.channel.DisconnectedException}: catch it around the feeding, as here, and go
     * on to {@link #await()}, which throws the {@link PipelineFailedException} that names the step
     * (uncaught, it would skip {@code await()}, and {@link #close()} does not report the outcome).
     *
     * @param <I> the type of the first step's input
     */
    interface WithInput<I> extends PipelineRun {

        /**
         * Returns the sender that feeds the first step. Close it, and every clone you made of
         * it, to end the pipeline: the steps finish what was sent, then end one after the other.
         * If the run fails or is cancelled, sending throws
         * {@link pneumatic.channel.DisconnectedException}.
         *
         * @return the pipeline's input; the same handle on every call
         */
        Sender<I> input();
    }

    /**
     * A run of a pipeline without a {@link Sink}: the caller takes its results.
     *
     * <pre>{@code
     * try (PipelineRun.WithOutput<String> run = WordsWiring.start(impl)) {
     *     for (String word : run.output()) {    // ends when the last step is done
     *         System.out.println(word);
     *     }
     *     run.await();
     * }
     * }</pre>
     *
     * <p>Drain the output before or while you await the run: once the output is full, the last
     * step waits for room, and the run cannot end. Closing the output before the end stops the
     * last step: its next send fails, and the run fails with a
     * {@link pneumatic.channel.DisconnectedException} as the cause. Call {@link #cancel()}
     * instead to stop on purpose.
     *
     * @param <O> the type of the last step's output
     */
    interface WithOutput<O> extends PipelineRun {

        /**
         * Returns the receiver of the last step's results; iterating it ends once the pipeline
         * has delivered everything.
         *
         * @return the pipeline's output; the same handle on every call
         */
        Receiver<O> output();
    }

    /**
     * A run of a pipeline with neither {@link Source} nor {@link Sink}: fed and drained by the
     * caller. Feed it from one thread and drain it from another, or give it enough capacity,
     * since a full output holds back the input.
     *
     * @param <I> the type of the first step's input
     * @param <O> the type of the last step's output
     */
    interface WithInputAndOutput<I, O> extends WithInput<I>, WithOutput<O> {}
}
