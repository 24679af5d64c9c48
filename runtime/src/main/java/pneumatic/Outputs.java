package pneumatic;

import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.channel.Sender;

/**
 * How generated wiring hands a step's result to the next channel, one method per step shape:
 * {@code R f(T)}, {@code Optional<R> f(T)}, {@code Stream<R> f(T)}, and the sources' iterables
 * and iterators. A {@code null} where a value is expected fails the step with a message that says
 * how to emit nothing instead.
 *
 * <p>This class is public for generated code; applications do not need it.
 */
public final class Outputs {

    private Outputs() {}

    /**
     * Sends the one value a step returned.
     *
     * @param <T> the channel's type
     * @param out where to send
     * @param value what the step returned
     * @throws InterruptedException if interrupted while waiting for room
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static <T> void sendOne(Sender<T> out, T value) throws InterruptedException {
        if (value == null) {
            throw new NullPointerException(
                    "the step returned null; return a value, or declare Optional<R> and return"
                            + " Optional.empty() to emit nothing");
        }
        out.send(value);
    }

    /**
     * Sends the value of an {@code Optional} a step returned, if there is one.
     *
     * @param <T> the channel's type
     * @param out where to send
     * @param value what the step returned
     * @throws InterruptedException if interrupted while waiting for room
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static <T> void sendPresent(Sender<T> out, Optional<? extends T> value)
            throws InterruptedException {
        if (value == null) {
            throw new NullPointerException(
                    "the step returned a null Optional; return Optional.empty() to emit nothing");
        }
        if (value.isPresent()) {
            out.send(value.get());
        }
    }

    /**
     * Sends every value of a stream a step returned, in order, and closes the stream.
     *
     * @param <T> the channel's type
     * @param out where to send
     * @param values what the step returned
     * @throws InterruptedException if interrupted while waiting for room
     * @throws NullPointerException if {@code values} or one of its elements is {@code null}
     */
    public static <T> void sendStream(Sender<T> out, Stream<? extends T> values)
            throws InterruptedException {
        if (values == null) {
            throw new NullPointerException(
                    "the step returned a null Stream; return Stream.empty() to emit nothing");
        }
        try (values) {
            sendIterator(out, values.iterator());
        }
    }

    /**
     * Sends every value of an iterable a source returned, in order.
     *
     * @param <T> the channel's type
     * @param out where to send
     * @param values what the source returned
     * @throws InterruptedException if interrupted while waiting for room
     * @throws NullPointerException if {@code values}, its iterator or one of its elements is
     *     {@code null}
     */
    public static <T> void sendIterable(Sender<T> out, Iterable<? extends T> values)
            throws InterruptedException {
        if (values == null) {
            throw new NullPointerException(
                    "the source returned a null Iterable; return an empty one to emit nothing");
        }
        Iterator<? extends T> iterator = values.iterator();
        if (iterator == null) {
            throw new NullPointerException(
                    "the Iterable's iterator() returned null; return an empty iterator to emit nothing");
        }
        sendIterator(out, iterator);
    }

    /**
     * Sends every remaining value of an iterator a source returned, in order.
     *
     * @param <T> the channel's type
     * @param out where to send
     * @param values what the source returned
     * @throws InterruptedException if interrupted while waiting for room
     * @throws NullPointerException if {@code values} or one of its elements is {@code null}
     */
    public static <T> void sendIterator(Sender<T> out, Iterator<? extends T> values)
            throws InterruptedException {
        if (values == null) {
            throw new NullPointerException(
                    "the source returned a null Iterator; return an empty one to emit nothing");
        }
        while (values.hasNext()) {
            T value = values.next();
            if (value == null) {
                throw new NullPointerException(
                        "a null element; channels carry only non-null values, so leave nulls out");
            }
            out.send(value);
        }
    }
}
