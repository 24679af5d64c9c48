package pneumatic.channel;

/**
 * The storage behind one channel: what {@link Sender} and {@link Receiver} handles call.
 *
 * <p>Flavors never throw for "not now" or for disconnection; they return a status and leave the
 * wording of exceptions to the handles, so every user-facing message lives in one place
 * ({@link Messages}). A flavor never sees {@code null} values or closed handles: the handles check
 * both before calling in.
 *
 * <p>Timeouts are given in nanoseconds; {@link #FOREVER} means no timeout, {@code 0} means a single
 * attempt without waiting.
 */
abstract class Flavor<T> {

    /** Timeout value meaning "wait as long as it takes". */
    static final long FOREVER = -1L;

    /** Send status: the value is in the channel (or, for a rendezvous, in a receiver's hands). */
    static final int SENT = 0;
    /** Send status: the channel is full (rendezvous: no receiver ready) and the time is up. */
    static final int NOT_SENT = 1;
    /** Send status: every receiver is gone; the value was not delivered. */
    static final int DISCONNECTED = 2;

    /** Receive result: the channel is disconnected and drained (compared by identity). */
    static final Object END = new Object() {
        @Override
        public String toString() {
            return "END";
        }
    };

    /** Sends without waiting: {@link #SENT}, {@link #NOT_SENT} or {@link #DISCONNECTED}. */
    abstract int trySend(T value);

    /** Sends, waiting up to {@code nanos} ({@link #FOREVER}: no limit) for room or a receiver. */
    abstract int send(T value, long nanos) throws InterruptedException;

    /** Receives without waiting: a value, {@code null} when there is none now, or {@link #END}. */
    abstract Object tryRecv();

    /** Receives, waiting up to {@code nanos}: a value, {@code null} on time-out, or {@link #END}. */
    abstract Object recv(long nanos) throws InterruptedException;

    /**
     * Receives without waiting up to {@code max} values that are there now, adding them to
     * {@code into} in order: the count, 0 if there is none now, or -1 when disconnected and
     * drained. This default takes them one by one; a flavor may claim several at once.
     */
    @SuppressWarnings("unchecked")
    int drain(java.util.Collection<? super T> into, int max) {
        int count = 0;
        while (count < max) {
            Object value = tryRecv();
            if (value == null || value == END) {
                return count == 0 && value == END ? -1 : count;
            }
            into.add((T) value);
            count++;
        }
        return count;
    }

    /** Whether some thread is blocked on the channel right now, sending or receiving. */
    abstract boolean hasWaiters();

    /** Called once, when the last sender handle closes: receivers drain, then see {@link #END}. */
    abstract void disconnectSenders();

    /** Called once, when the last receiver handle closes: drop buffered values, fail senders. */
    abstract void disconnectReceivers();

    /** The deadline for a timeout that began now, for {@link Waiter#await}; unused when untimed. */
    static long deadline(long nanos) {
        return nanos < 0 ? 0L : System.nanoTime() + nanos;
    }
}
