package pneumatic.channel;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One handle of a channel's receiving end. Values arrive in the order each sender sent them.
 * Several receiver handles ({@link #clone()}) are competing consumers: each value goes to exactly
 * one of them. When the last receiver is closed, the values still buffered are dropped at once
 * and senders get {@link DisconnectedException}.
 *
 * <p>The usual way to consume a channel is to iterate it: the loop takes values as they come and
 * ends once every sender is closed and nothing is left.
 *
 * <pre>{@code
 * Channel<String> ch = Channel.unbounded();
 * ch.sender().send("a");
 * ch.sender().send("b");
 * ch.sender().close();
 * for (String s : ch.receiver()) {
 *     System.out.println(s);                    // a, then b, then the loop ends
 * }
 * }</pre>
 *
 * <p>As for a sender, give each thread its own clone. A thread blocked receiving through the
 * last receiver while another thread closes it is woken, and its call ends with
 * {@code IllegalStateException} (its handle is closed), not with the end of the stream, since
 * the senders may still be there. A receiver that is not the last leaves the channel connected
 * when it closes, so a call blocked on it in another thread is not woken: it goes on as if the
 * handle were open, and takes the next value, or sees the end of the stream (an iteration ends,
 * a {@code recv} throws {@code DisconnectedException}) once every sender is gone.
 *
 * @param <T> the type of the values received
 */
public final class Receiver<T> implements Iterable<T>, AutoCloseable {

    private final Connection<T> connection;
    private final Flavor<T> flavor;

    /**
     * Open or closed. The cleaner watches this Receiver, not the handle, so every method that
     * reaches the flavor or the counts ends with {@code Reference.reachabilityFence(this)}: a
     * thread blocked in {@code recv} on a Receiver it never mentions again must not have the
     * cleaner close it under its feet (JLS 12.6.1: an object can become unreachable while a method
     * of it still runs). {@code close()} too: else the cleaner could win the race to close a
     * handle its caller is closing, report it as leaked, and give its count back only after
     * {@code close()} has returned.
     */
    private final Handle handle;

    /** A new handle of the receiving end, for a count the caller has already taken. */
    Receiver(Connection<T> connection) {
        this.connection = connection;
        this.flavor = connection.flavor();
        this.handle = Handle.track(this, connection, false);
    }

    /**
     * Receives the next value, waiting until one arrives.
     *
     * <pre>{@code
     * String next = rx.recv();                  // waits for a value
     * }</pre>
     *
     * <p>An interrupt comes first, as in {@link java.util.concurrent.BlockingQueue#take()}: a
     * thread whose interrupt status is set gets {@link InterruptedException} even if a value is
     * buffered or the channel has ended.
     *
     * @return the next value
     * @throws InterruptedException if the thread is interrupted, before or while waiting
     * @throws DisconnectedException if every sender is closed and no value is left: the end
     * @throws IllegalStateException if this handle is closed
     */
    public T recv() throws InterruptedException {
        try {
            ensureOpen("recv()");
            Sender.refuseIfInterrupted();
            return value(flavor.recv(Flavor.FOREVER), "recv()");
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Receives a value only if one is there now, without waiting.
     *
     * <pre>{@code
     * Optional<String> maybe = rx.tryRecv();    // empty if nothing is buffered right now
     * }</pre>
     *
     * @return the next value, or empty if there is none right now (for a rendezvous: if no sender
     *     is waiting right now)
     * @throws DisconnectedException if every sender is closed and no value is left
     * @throws IllegalStateException if this handle is closed
     */
    public Optional<T> tryRecv() {
        try {
            ensureOpen("tryRecv()");
            return Optional.ofNullable(value(flavor.tryRecv(), "tryRecv()"));
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Receives the next value, waiting at most {@code timeout}. A zero or negative timeout means
     * a single attempt, as {@link #tryRecv}.
     *
     * <pre>{@code
     * Optional<String> next = rx.recv(Duration.ofMillis(100));   // empty after 100 ms of nothing
     * }</pre>
     *
     * @param timeout how long to wait at most
     * @return the next value, or empty if the time ran out first
     * @throws InterruptedException if the thread is interrupted, before or while waiting
     * @throws DisconnectedException if every sender is closed and no value is left
     * @throws NullPointerException if {@code timeout} is {@code null}
     * @throws IllegalStateException if this handle is closed
     */
    public Optional<T> recv(Duration timeout) throws InterruptedException {
        try {
            long nanos = Sender.nanos(timeout);
            ensureOpen("recv(Duration)");
            Sender.refuseIfInterrupted();
            return Optional.ofNullable(value(flavor.recv(nanos), "recv(Duration)"));
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Receives, without waiting, the values that are there now, up to {@code max}, and adds them
     * to {@code into} in the order they were sent; like {@link
     * java.util.concurrent.BlockingQueue#drainTo(java.util.Collection, int)}. It can take several
     * values for the cost of one, so a consumer that handles values one at a time anyway can
     * take them in batches.
     *
     * <pre>{@code
     * List<String> batch = new ArrayList<>();
     * if (rx.drainTo(batch, 64) == 0) {         // nothing there now
     *     batch.add(rx.recv());                 // so wait for one
     * }
     * }</pre>
     *
     * <p>The values are taken out of the channel before they are added: if {@code into} throws,
     * those not yet added are lost.
     *
     * @param into where to add the values
     * @param max the most values to take; if it is 0 or less, nothing is taken and the result is
     *     0, whatever the channel holds, even once it has ended
     * @return the number of values added, 0 if there was none now
     * @throws DisconnectedException if every sender is closed and no value is left
     * @throws NullPointerException if {@code into} is {@code null}
     * @throws IllegalStateException if this handle is closed
     */
    public int drainTo(Collection<? super T> into, int max) {
        try {
            Objects.requireNonNull(into, "into");
            ensureOpen("drainTo");
            int count = flavor.drain(into, max);
            if (count < 0) {
                throw endOfStream("drainTo");
            }
            return count;
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Returns a blocking iterator: {@code hasNext()} waits for the next value and returns
     * {@code false} once every sender is closed and nothing is left. This is Rust's
     * {@code rx.iter()}.
     *
     * <p>If the thread is interrupted when {@code hasNext()} is called or while it waits, the
     * iterator sets the thread's interrupt status again and throws {@link CancellationException}
     * (with the {@link InterruptedException} as its cause): ending the loop quietly would look
     * like the end of the stream and lose the values still to come. Use {@link #recv()} to
     * handle interrupts yourself.
     *
     * <p>{@code hasNext()} receives the value that {@code next()} then returns, so an iterator
     * belongs to one thread, and one dropped after {@code hasNext()} returned {@code true} takes
     * that value with it: receive with {@link #recv()} or another iterator only after
     * {@code next()}.
     *
     * <pre>{@code
     * for (String s : rx) {                     // waits for each value; ends at disconnection
     *     handle(s);
     * }
     * }</pre>
     *
     * @return an iterator over the values still to come
     * @throws IllegalStateException from {@code hasNext()} if this handle has been closed
     */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            /** The value hasNext() took and next() has not yet returned, else null; iterating thread only. */
            private T next;

            @Override
            public boolean hasNext() {
                ensureOpen("iterate"); // first: a value held from before the close is no exception
                if (next != null) {
                    return true;
                }
                try {
                    Sender.refuseIfInterrupted();
                    Object value = flavor.recv(Flavor.FOREVER);
                    if (value == Flavor.END && !closedTheChannelUnderThisCall()) {
                        return false;
                    }
                    next = value(value, "iterate");
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    CancellationException cancelled = new CancellationException(Messages.ITERATION_INTERRUPTED);
                    cancelled.initCause(e);
                    throw cancelled;
                } finally {
                    Reference.reachabilityFence(Receiver.this); // see the note on handle
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException(Messages.ITERATION_ENDED);
                }
                T value = next;
                next = null;
                return value;
            }
        };
    }

    /**
     * Returns a sequential stream of the values still to come, blocking like {@link #iterator()}
     * and ending when the channel is disconnected and drained.
     *
     * <pre>{@code
     * int total = rx.stream().mapToInt(String::length).sum();   // consumes until the end
     * }</pre>
     *
     * <p>The stream does not split: made {@code parallel()}, it still takes one value at a time
     * on one thread. A split would take values in batches of a thousand and more, waiting for
     * each batch to fill before anything could use it, and hold them away from the other
     * receivers. For parallel work, let several threads receive, each on its own clone.
     *
     * @return a stream over the values still to come
     */
    public Stream<T> stream() {
        Iterator<T> values = iterator();
        Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(
                Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (!values.hasNext()) {
                    return false;
                }
                action.accept(values.next());
                return true;
            }

            @Override
            public Spliterator<T> trySplit() {
                return null; // see above: never in batches
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    /**
     * Returns a new, open receiver handle of the same channel: a competing consumer. Each value
     * goes to exactly one of the receivers.
     *
     * <pre>{@code
     * Receiver<Job> worker2 = rx.clone();       // rx and worker2 share the stream of jobs
     * }</pre>
     *
     * @return a new receiver handle, which the caller must close
     * @throws IllegalStateException if this handle is closed, or if Integer.MAX_VALUE receivers of the
     *     channel are open
     */
    @Override
    public Receiver<T> clone() {
        try {
            if (handle.isClosed() || !connection.acquire(false)) {
                throw new IllegalStateException(Messages.closedHandle("Receiver", "clone()"));
            }
            try {
                return new Receiver<>(connection);
            } catch (Throwable notCreated) { // out of memory, or no thread for the cleaner: give the count back
                connection.release(false);
                throw notCreated;
            }
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Closes this handle; closing it again does nothing. If it was the last open receiver, the
     * values still buffered are dropped at once (so they can be garbage-collected), and every
     * sender, blocked or not, gets {@link DisconnectedException} from then on.
     *
     * <pre>{@code
     * ch.sender().send("never read");
     * ch.receiver().close();                    // the last receiver: "never read" is dropped
     * ch.sender().send("too late");             // throws DisconnectedException
     * }</pre>
     */
    @Override
    public void close() {
        try {
            handle.close();
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Tells whether this handle is closed: by {@link #close()}, or by the garbage collector after
     * it became unreachable unclosed. It says nothing about the other handles of the channel.
     *
     * <pre>{@code
     * rx.close();
     * rx.isClosed();                        // true
     * }</pre>
     *
     * @return {@code true} once this handle is closed
     */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /**
     * Describes the handle for debugging.
     *
     * @return for example {@code "Receiver[open, Channel[unbounded, senders=2, receivers=1]]"}
     */
    @Override
    public String toString() {
        return "Receiver[" + (handle.isClosed() ? "closed" : "open") + ", " + connection + "]";
    }

    private void ensureOpen(String operation) {
        if (handle.isClosed()) {
            throw new IllegalStateException(Messages.closedHandle("Receiver", operation));
        }
    }

    /** The value a flavor returned, or the exception its {@link Flavor#END} stands for. */
    @SuppressWarnings("unchecked")
    private T value(Object received, String operation) {
        if (received == Flavor.END) {
            throw endOfStream(operation);
        }
        return (T) received;
    }

    /**
     * What a flavor's end means to this handle: the end of the stream, or, when another thread
     * closed this very handle while this one was receiving and that close is what ended the
     * channel (the senders are still there), that this handle is closed, as a send in the same
     * position reports.
     */
    private DisconnectedException endOfStream(String operation) {
        if (closedTheChannelUnderThisCall()) {
            throw new IllegalStateException(Messages.closedHandle("Receiver", operation));
        }
        return new DisconnectedException(Messages.RECV_DISCONNECTED);
    }

    /**
     * Whether an end that a flavor reported came from this handle's close, by another thread,
     * as the last receiver, rather than from the last sender: that one's count reaches 0 before
     * it marks the channel, so an end it made is always seen with it. A handle that another
     * thread closed while it was not the last leaves its call to go on as if it were open, up to
     * the end the senders make.
     */
    private boolean closedTheChannelUnderThisCall() {
        return handle.isClosed() && !connection.sendersGone();
    }
}
