package pneumatic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread factory handed to a library that starts its own threads (the Disruptor, Reactor's
 * schedulers, a {@code ThreadPoolExecutor}): it keeps every thread it makes, so that a run can
 * join them and no thread outlives the run, and each thread counts what it allocated into
 * {@link Threads#allocated()} as it ends, so that the library's threads are counted like the
 * runner's own. Daemon threads, so that a bug in a peer cannot keep the JVM alive.
 */
final class LibraryThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    /** Every thread made so far. Guarded by this. */
    private final List<Thread> made = new ArrayList<>();

    LibraryThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                Threads.countHere(); // all of this thread's allocation: its counter started at 0
            }
        }, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        synchronized (this) {
            made.add(thread);
        }
        return thread;
    }

    /**
     * Waits until every thread made so far has ended, and so has counted its allocation; call
     * once the library has been shut down.
     */
    void joinAll() throws InterruptedException {
        List<Thread> threads;
        synchronized (this) {
            threads = List.copyOf(made);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
