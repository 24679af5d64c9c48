package pneumatic.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The candidates of scenario S6 that are not a queue between threads of ours: a thread pool and
 * the Disruptor, each spreading one producer's messages over {@value #WORKERS} workers. (The
 * queue candidates go through {@link Flows#transfer} with 1 producer and 4 consumers.)
 */
final class FanOuts {

    private FanOuts() {}

    static final int WORKERS = 4; // FanOuts.disruptor lists as many handlers

    /**
     * A {@link ThreadPoolExecutor} of 4 threads on an unbounded {@link LinkedBlockingQueue}
     * (what {@code Executors.newFixedThreadPool(4)} builds), one task per message that adds it
     * to a {@link LongAdder}, then {@code shutdown} and {@code awaitTermination}. Tasks go in
     * with {@code execute}, which, unlike {@code submit}, wraps nothing in a {@code Future}.
     */
    static Candidate threadPool() {
        return Candidate.of("TPE-LBQ", n -> {
            LibraryThreads threads = new LibraryThreads("s6-tpe");
            LongAdder total = new LongAdder();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 0L, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), threads);
            try {
                for (int i = 0; i < n; i++) {
                    Long message = Messages.get(i);
                    pool.execute(() -> total.add(message));
                }
            } finally {
                pool.shutdown();
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                    throw new IllegalStateException("the pool did not finish in a minute");
                }
                threads.joinAll();
            }
            return total.sum();
        });
    }

    /** A Disruptor slot. */
    private static final class Slot {
        /** Written by the publisher, read by the handlers. */
        Long value;
    }

    private static final EventTranslatorOneArg<Slot, Long> PUBLISH = (slot, sequence, value) -> slot.value = value;

    /** Longs between two workers' sums, so that they sit on different cache lines. */
    private static final int STRIDE = 16;

    /** Worker {@code id} of {@link #WORKERS}: adds up its share of the sequences. */
    private static EventHandler<Slot> worker(int id, long[] sums, long last, CountDownLatch done) {
        return (slot, sequence, endOfBatch) -> {
            if (sequence % WORKERS == id) {
                sums[id * STRIDE] += slot.value;
            }
            if (sequence == last) {
                done.countDown();
            }
        };
    }

    /**
     * The Disruptor 4 way of competing consumers, since 4.0 dropped its {@code WorkerPool}: 4
     * handlers that all see every event, and each takes the sequences {@code seq % 4 == id}.
     * The run ends when all 4 have seen the last sequence.
     */
    static Candidate disruptor(String name, Supplier<WaitStrategy> waitStrategy) {
        return Candidate.of(name, n -> {
            LibraryThreads threads = new LibraryThreads("s6-disruptor");
            Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, Scenarios.CAPACITY, threads,
                    ProducerType.SINGLE, waitStrategy.get());
            long last = n - 1L;
            long[] sums = new long[WORKERS * STRIDE]; // worker w writes [w * STRIDE]; read after the latch
            CountDownLatch done = new CountDownLatch(WORKERS);
            disruptor.handleEventsWith(worker(0, sums, last, done), worker(1, sums, last, done),
                    worker(2, sums, last, done), worker(3, sums, last, done));
            RingBuffer<Slot> ring = disruptor.start();
            try {
                for (int i = 0; i < n; i++) {
                    ring.publishEvent(PUBLISH, Messages.get(i));
                }
                done.await();
            } finally {
                disruptor.halt();
                threads.joinAll();
            }
            long total = 0;
            for (int w = 0; w < WORKERS; w++) {
                total += sums[w * STRIDE];
            }
            return total;
        });
    }
}
