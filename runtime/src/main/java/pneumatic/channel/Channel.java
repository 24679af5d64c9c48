package pneumatic.channel;

/**
 * A channel: a typed pipe between threads, with a sending end and a receiving end, modelled on
 * Rust's {@code std::sync::mpsc}.
 *
 * <pre>{@code
 * Channel<String> ch = Channel.bounded(2);
 * Sender<String> tx = ch.sender();
 * Receiver<String> rx = ch.receiver();
 *
 * new Thread(() -> {
 *     try (tx) {                            // closing the last sender ends the stream
 *         tx.send("hello");
 *     } catch (InterruptedException e) {
 *         Thread.currentThread().interrupt();
 *     }
 * }).start();
 *
 * for (String message : rx) {               // ends once every sender is closed
 *     System.out.println(message);
 * }
 * }</pre>
 *
 * <p>A {@code Channel} object only connects the two ends: {@link #sender()} and
 * {@link #receiver()} return the one original handle of each end. More handles come from
 * {@link Sender#clone()} and {@link Receiver#clone()}, and each handle is closed on its own. The
 * channel counts the open handles of each end: when the last sender closes, receivers get what is
 * buffered and then see the end; when the last receiver closes, the buffer is dropped and senders
 * get {@link DisconnectedException}.
 *
 * <p>Three kinds, chosen at creation:
 * <ul>
 *   <li>{@link #unbounded()}: sending never waits; the buffer grows as needed.</li>
 *   <li>{@link #bounded(int) bounded(n)}: holds at most {@code n} values; a sender waits while it
 *       is full, which paces a fast producer to a slow consumer (backpressure).</li>
 *   <li>{@link #rendezvous()} ({@code bounded(0)}): holds nothing; a send completes only when a
 *       receiver takes the value, hand to hand.</li>
 * </ul>
 *
 * @param <T> the type of the values the channel carries; never {@code null}
 */
public final class Channel<T> {

    private final Connection<T> connection;
    private final Sender<T> sender;
    private final Receiver<T> receiver;

    private Channel(Flavor<T> flavor, String kind) {
        this.connection = new Connection<>(flavor, kind);
        this.sender = new Sender<>(connection);
        this.receiver = new Receiver<>(connection);
    }

    /**
     * Creates a channel without a capacity limit: {@link Sender#send} never waits.
     *
     * <pre>{@code
     * Channel<Integer> ch = Channel.unbounded();
     * for (int i = 0; i < 1_000; i++) {
     *     ch.sender().send(i);                  // never blocks
     * }
     * }</pre>
     *
     * <p>Memory is the limit: if the consumer cannot keep up, prefer {@link #bounded(int)}.
     *
     * @param <T> the type of the values
     * @return a new channel with one open sender and one open receiver
     */
    public static <T> Channel<T> unbounded() {
        return new Channel<>(new LinkedFlavor<>(), "unbounded");
    }

    /**
     * Creates a channel that holds at most {@code capacity} values; {@code 0} makes a rendezvous.
     * Its ring of slots is allocated at once, about 28 bytes per slot (29 KB in all for a
     * capacity of 1,024), and sending and receiving then allocate nothing.
     *
     * <pre>{@code
     * Channel<String> ch = Channel.bounded(1);
     * ch.sender().send("a");                    // fits
     * boolean sent = ch.sender().trySend("b");  // false: full
     * }</pre>
     *
     * @param <T> the type of the values
     * @param capacity the number of values the channel can hold, {@code 0} or more
     * @return a new channel with one open sender and one open receiver
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public static <T> Channel<T> bounded(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException(Messages.negativeCapacity(capacity));
        }
        if (capacity == 0) {
            return rendezvous();
        }
        return new Channel<>(new ArrayFlavor<>(capacity), "bounded(" + capacity + ")");
    }

    /**
     * Creates a channel of capacity 0: every {@link Sender#send} waits until a receiver has taken
     * its value, so a successful send means the value has been received.
     *
     * <pre>{@code
     * Channel<String> ch = Channel.rendezvous();
     * Thread receiving = new Thread(() -> {
     *     try {
     *         ch.receiver().recv();             // takes "ping"
     *     } catch (InterruptedException e) {
     *         Thread.currentThread().interrupt();
     *     }
     * });
     * receiving.start();
     * ch.sender().send("ping");                 // returns once the receiver has it
     * }</pre>
     *
     * @param <T> the type of the values
     * @return a new channel with one open sender and one open receiver
     */
    public static <T> Channel<T> rendezvous() {
        return new Channel<>(new ZeroFlavor<>(), "rendezvous");
    }

    /**
     * Returns the original sender handle: the same object on every call, open until closed.
     * More sending handles come from {@link Sender#clone()}.
     *
     * <pre>{@code
     * Channel<String> ch = Channel.bounded(8);
     * try (Sender<String> tx = ch.sender()) {   // the only sender: closing it ends the stream
     *     tx.send("only message");
     * }
     * List<String> got = ch.receiver().stream().toList();   // ["only message"], then the end
     * }</pre>
     *
     * @return the channel's original sender
     */
    public Sender<T> sender() {
        return sender;
    }

    /**
     * Returns the original receiver handle: the same object on every call, open until closed.
     * More receiving handles (competing consumers) come from {@link Receiver#clone()}.
     *
     * <pre>{@code
     * Receiver<String> first = ch.receiver();
     * Receiver<String> second = first.clone();  // a competing consumer: each value reaches one
     * }</pre>
     *
     * @return the channel's original receiver
     */
    public Receiver<T> receiver() {
        return receiver;
    }

    /**
     * Describes the channel's kind and how many handles of each end are open, for debugging.
     *
     * @return for example {@code "Channel[bounded(2), senders=1, receivers=1]"}
     */
    @Override
    public String toString() {
        return connection.toString();
    }
}
