package pneumatic;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that turns each value it receives into zero, one or more values for the next
 * step. It takes the previous step's output as its parameter and has one of these shapes:
 *
 * <pre>{@code
 * @Stage String lower(String word);                     // exactly one output (any type, List too)
 * @Stage Optional<String> longOnes(String word);        // zero or one
 * @Stage Stream<String> variants(String word);          // zero or more
 * @Stage void words(String line, Sender<String> out);   // zero or more, sent as they come
 * }</pre>
 *
 * <p>Only {@code Optional} and {@code Stream} returns are unwrapped, so a stage can pass a
 * {@code List} along as one value. Returning {@code null} fails the step (return
 * {@code Optional.empty()} to emit nothing). Checked exceptions may be declared; one thrown fails
 * the run. A {@code Sender} handed to a stage belongs to the run: send on it, never close it.
 *
 * <pre>{@code
 * @Stage(workers = 4, capacity = 64) FileDigest hash(Path file) throws IOException;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Stage {

    /** {@link #capacity()} for a channel without a limit: senders never wait. */
    int UNBOUNDED = -1;

    /**
     * The capacity a step's input channel gets unless it says otherwise: enough to keep the
     * threads of a step busy through short hiccups, small enough that a stalled step holds back
     * its producers long before memory runs out.
     */
    int DEFAULT_CAPACITY = 256;

    /**
     * The number of threads running this step, at least 1. They compete for the values of the
     * step's input channel, so each value is handled once, by one of them; they share one
     * implementation object. With 1 (the default) the step runs on one thread and its state
     * needs no locks.
     *
     * @return the number of worker threads
     */
    int workers() default 1;

    /**
     * The capacity of the channel that feeds this step: how many values may wait for it. {@code 0}
     * makes a rendezvous (each hand-off waits for a free worker); {@link #UNBOUNDED} never makes
     * the previous step wait. The default is {@link #DEFAULT_CAPACITY}. A bounded channel
     * reserves its slots when the run starts, about 28 bytes each, as
     * {@link pneumatic.channel.Channel#bounded(int)} says: for a limit of millions, which would
     * reserve that much heap up front, use {@link #UNBOUNDED}.
     *
     * @return the input channel's capacity, {@code -1} or more
     */
    int capacity() default DEFAULT_CAPACITY;
}
