package pneumatic.bench;

/**
 * A many-to-many pipe as one candidate builds it: a handle per producer thread and per consumer
 * thread. {@link Flows} moves the messages and does the counting, the same way for every
 * candidate; only the pipe differs.
 */
public interface Transport {

    /** A handle for one producer; taken before any thread starts. */
    Producer producer();

    /** A handle for one consumer; taken before any thread starts. */
    Consumer consumer();

    /** Called once every handle has been taken, before the threads start. */
    default void wired() {}

    /** One producer's end. */
    interface Producer {
        void send(Long message) throws InterruptedException;

        /** This producer is done; once every producer is, consumers see the end. */
        void done() throws InterruptedException;
    }

    /** One consumer's end. */
    interface Consumer {
        /** The next message, or {@code null} once every producer is done and nothing is left. */
        Long next() throws InterruptedException;
    }
}
