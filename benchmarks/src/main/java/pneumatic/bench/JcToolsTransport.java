package pneumatic.bench;

import java.util.concurrent.atomic.AtomicInteger;
import org.jctools.queues.MessagePassingQueue;

/**
 * A JCTools queue with a spin-then-park {@link Backoff} on both sides, so that it can stand in for
 * a blocking queue without burning a core while it waits, and poison pills for the end.
 */
public final class JcToolsTransport implements Transport {

    private final MessagePassingQueue<Long> queue;
    private final AtomicInteger producers = new AtomicInteger();
    private final AtomicInteger consumers = new AtomicInteger();

    public JcToolsTransport(MessagePassingQueue<Long> queue) {
        this.queue = queue;
    }

    private void put(Long message, Backoff backoff) {
        while (!queue.offer(message)) {
            backoff.idle();
        }
        backoff.reset();
    }

    @Override
    public Producer producer() {
        producers.incrementAndGet();
        Backoff backoff = new Backoff();
        return new Producer() {
            @Override
            public void send(Long message) {
                put(message, backoff);
            }

            @Override
            public void done() {
                if (producers.decrementAndGet() == 0) {
                    for (int c = consumers.get(); c > 0; c--) {
                        put(Messages.POISON, backoff);
                    }
                }
            }
        };
    }

    @Override
    public Consumer consumer() {
        consumers.incrementAndGet();
        Backoff backoff = new Backoff();
        return () -> {
            Long message;
            while ((message = queue.poll()) == null) {
                backoff.idle();
            }
            backoff.reset();
            return message == Messages.POISON ? null : message;
        };
    }
}
