package pneumatic.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link BlockingQueue} used the way people hand-wire one: {@code put}/{@code take}, and
 * "poison pill" markers, one per consumer, sent by the last producer to finish.
 */
public final class QueueTransport implements Transport {

    private final BlockingQueue<Long> queue;
    private final AtomicInteger producers = new AtomicInteger();
    private final AtomicInteger consumers = new AtomicInteger();

    public QueueTransport(BlockingQueue<Long> queue) {
        this.queue = queue;
    }

    @Override
    public Producer producer() {
        producers.incrementAndGet();
        return new Producer() {
            @Override
            public void send(Long message) throws InterruptedException {
                queue.put(message);
            }

            @Override
            public void done() throws InterruptedException {
                if (producers.decrementAndGet() == 0) {
                    for (int c = consumers.get(); c > 0; c--) {
                        queue.put(Messages.POISON);
                    }
                }
            }
        };
    }

    @Override
    public Consumer consumer() {
        consumers.incrementAndGet();
        return () -> {
            Long message = queue.take();
            return message == Messages.POISON ? null : message;
        };
    }
}
