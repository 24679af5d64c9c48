package pneumatic.channel;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One handle of a channel's sending end. Any number of threads may send, each through its own
 * handle: {@link #clone()} makes another one, and {@link #close()} gives one back (Rust's
 * {@code drop}). When the last open sender of a channel is closed, the channel is disconnected for
 * its receivers: they still receive every value already sent, and then see the end.
 *
 * <pre>{@code
 * Channel<Integer> ch = Channel.unbounded();
 * Sender<Integer> tx = ch.sender();
 * for (int id = 0; id < 3; id++) {
 *     Sender<Integer> mine = tx.clone();        // one handle per producer
 *     int value = id;
 *     new Thread(() -> {
 *         try (mine) {
 *             mine.send(value);
 *         } catch (InterruptedException e) {
 *             Thread.currentThread().interrupt();
 *         }
 *     }).start();
 * }
 * tx.close();                                   // drop the original: only the clones remain
 * int sum = 0;
 * for (int value : ch.receiver()) {             // ends when the three producers are done
 *     sum += value;
 * }
 * }</pre>
 *
 * <p><b>After {@code send}, the value belongs to the receiver.</b> Rust moves a sent value, so the
 * sender cannot touch it again; Java cannot enforce that, and the sender still holds a reference.
 * The convention is that the sending thread neither reads nor changes a value after sending it;
 * send immutable values (records, strings) or hand over ownership for good. The happens-before
 * guarantee covers what was written <em>before</em> {@code send}, nothing written after.
 *
 * <p>A handle is not meant to be shared between threads that close it and use it at once; give
 * each thread its own clone. If it happens anyway, a close does not interrupt a send that is
 * blocked on the handle in another thread: if it closed the last sender, the blocked send ends
 * with {@code IllegalStateException} (its handle is closed); otherwise, the channel still being
 * connected, the send goes on as if the handle were open: it completes, or ends with
 * {@code DisconnectedException} if every receiver closes first.
 *
 * @param <T> the type of the values sent; never {@code null}
 */
public final class Sender<T> implements AutoCloseable {

    private final Connection<T> connection;
    private final Flavor<T> flavor;

    /**
     * Open or closed. The cleaner watches this Sender, not the handle, so every method that reaches
     * the flavor or the counts ends with {@code Reference.reachabilityFence(this)}: a thread
     * blocked in {@code send} on a Sender it never mentions again must not have the cleaner close
     * it under its feet (JLS 12.6.1: an object can become unreachable while a method of it still
     * runs). {@code close()} too: else the cleaner could win the race to close a handle its caller
     * is closing, report it as leaked, and give its count back only after {@code close()} has
     * returned.
     */
    private final Handle handle;

    /** A new handle of the sending end, for a count the caller has already taken. */
    Sender(Connection<T> connection) {
        this.connection = connection;
        this.flavor = connection.flavor();
        this.handle = Handle.track(this, connection, true);
    }

    /**
     * Sends a value, waiting as long as needed: on an unbounded channel it never waits; on a
     * bounded one it waits while the channel is full; on a rendezvous it waits until a receiver
     * has taken the value.
     *
     * <pre>{@code
     * Channel<String> ch = Channel.bounded(1);
     * ch.sender().send("first");                // returns at once: there is room
     * // a second send would wait until a receiver takes "first"
     * }</pre>
     *
     * @param value the value to send; after this call it belongs to the receiver
     * @throws InterruptedException if the thread is interrupted, before or while waiting; the
     *     value was then not sent
     * @throws DisconnectedException if every receiver is closed; the value was not delivered.
     *     This comes first: an interrupted thread sending on a disconnected channel gets it too,
     *     with its interrupt status left set
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws IllegalStateException if this handle is closed
     */
    public void send(T value) throws InterruptedException {
        try {
            T checked = check(value, "send");
            refuseIfInterruptedWhileConnected();
            sent(flavor.send(checked, Flavor.FOREVER));
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Sends a value only if that can be done now, without waiting.
     *
     * <pre>{@code
     * Channel<String> ch = Channel.bounded(1);
     * ch.sender().trySend("a");                 // true
     * ch.sender().trySend("b");                 // false: full, "b" was not sent
     * }</pre>
     *
     * @param value the value to send
     * @return {@code true} if the value was sent; {@code false} if the channel is full (for a
     *     rendezvous: if no receiver is waiting right now)
     * @throws DisconnectedException if every receiver is closed; the value was not delivered
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws IllegalStateException if this handle is closed
     */
    public boolean trySend(T value) {
        try {
            return sent(flavor.trySend(check(value, "send")));
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Sends a value, waiting at most {@code timeout} for room (or, on a rendezvous, for a
     * receiver). A zero or negative timeout means a single attempt, as {@link #trySend}.
     *
     * <pre>{@code
     * Channel<String> ch = Channel.bounded(1);
     * ch.sender().send("a");
     * ch.sender().send("b", Duration.ofMillis(10));  // false after 10 ms: still full
     * }</pre>
     *
     * @param value the value to send
     * @param timeout how long to wait at most
     * @return {@code true} if the value was sent, {@code false} if the time ran out first
     * @throws InterruptedException if the thread is interrupted, before or while waiting; not
     *     sent
     * @throws DisconnectedException if every receiver is closed; the value was not delivered.
     *     This comes first: an interrupted thread sending on a disconnected channel gets it too,
     *     with its interrupt status left set
     * @throws NullPointerException if {@code value} or {@code timeout} is {@code null}
     * @throws IllegalStateException if this handle is closed
     */
    public boolean send(T value, Duration timeout) throws InterruptedException {
        try {
            long nanos = nanos(timeout);
            T checked = check(value, "send");
            refuseIfInterruptedWhileConnected();
            return sent(flavor.send(checked, nanos));
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Returns a new, open sender handle of the same channel: one more producer. The channel stays
     * connected until this clone is closed too.
     *
     * <pre>{@code
     * Sender<String> tx = ch.sender();
     * Sender<String> tx2 = tx.clone();
     * tx.close();
     * tx2.send("still connected");
     * tx2.close();                              // the last sender: receivers see the end next
     * }</pre>
     *
     * @return a new sender handle, which the caller must close
     * @throws IllegalStateException if this handle is closed, or if Integer.MAX_VALUE senders of the
     *     channel are open
     */
    @Override
    public Sender<T> clone() {
        try {
            if (handle.isClosed() || !connection.acquire(true)) {
                throw new IllegalStateException(Messages.closedSender("clone()"));
            }
            try {
                return new Sender<>(connection);
            } catch (Throwable notCreated) { // out of memory, or no thread for the cleaner: give the count back
                connection.release(true);
                throw notCreated;
            }
        } finally {
            Reference.reachabilityFence(this); // see the note on handle
        }
    }

    /**
     * Closes this handle (Rust's {@code drop}); closing it again does nothing. If it was the last
     * open sender, the channel is disconnected: receivers receive what is buffered and then see
     * the end. Values already sent are never taken back.
     *
     * <pre>{@code
     * try (Sender<String> tx = ch.sender()) {   // closed however the block ends
     *     tx.send("last words");
     * }
     * for (String s : ch.receiver()) {          // gets "last words", then ends
     *     handle(s);
     * }
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
     * tx.close();
     * tx.isClosed();                        // true
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
     * @return for example {@code "Sender[open, Channel[bounded(2), senders=1, receivers=1]]"}
     */
    @Override
    public String toString() {
        return "Sender[" + (handle.isClosed() ? "closed" : "open") + ", " + connection + "]";
    }

    private T check(T value, String operation) {
        Objects.requireNonNull(value, Messages.NULL_VALUE);
        if (handle.isClosed()) {
            throw new IllegalStateException(Messages.closedSender(operation));
        }
        return value;
    }

    private boolean sent(int status) {
        if (status == Flavor.DISCONNECTED) {
            // Closed by another thread while this one was sending, and that close, as the last
            // sender's, is what disconnected the channel: the receivers are still there (their
            // count reaches 0 before a disconnection they make). A close that was not the last
            // leaves the send to go on as if the handle were open, up to what the receivers do.
            if (handle.isClosed() && !connection.receiversGone()) {
                throw new IllegalStateException(Messages.closedSender("send"));
            }
            throw new DisconnectedException(Messages.SEND_DISCONNECTED);
        }
        return status == Flavor.SENT;
    }

    /**
     * A send made with the interrupt status set throws {@code InterruptedException} at once, as
     * {@link #refuseIfInterrupted} does, unless every receiver is gone already: then the answer is
     * the final one, {@code DisconnectedException} (rule 1 of the contract), and the interrupt
     * status stays set for the next blocking call. So a producer that was busy when its consumers
     * went away, and was interrupted as well (as the steps of a stopped pipeline are), learns at
     * its next send that nobody will ever receive, whichever of the two came first.
     */
    private void refuseIfInterruptedWhileConnected() throws InterruptedException {
        if (Thread.interrupted()) {
            if (connection.receiversGone()) {
                Thread.currentThread().interrupt();
                throw new DisconnectedException(Messages.SEND_DISCONNECTED);
            }
            throw new InterruptedException();
        }
    }

    /**
     * A blocking call made with the interrupt status set throws at once, before it does anything,
     * as {@code BlockingQueue.put} does: an interrupt is a request to stop, whether or not the
     * call would have had to wait.
     */
    static void refuseIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** A timeout in nanoseconds, saturated, and 0 for a negative one. */
    static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, Messages.NULL_TIMEOUT);
        return Math.max(0L, TimeUnit.NANOSECONDS.convert(timeout));
    }
}
