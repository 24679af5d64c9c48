package pneumatic.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The threads of a candidate's run: started here so that what they allocate is counted (each
 * thread reads its own counter when it ends), and joined here so that a failure in any of them
 * fails the run.
 */
public final class Threads {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes allocated by finished benchmark threads, since the start. */
    private static final LongAdder ALLOCATED = new LongAdder();

    private final List<Thread> started = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** A body that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** Starts a thread that counts its allocation into {@link #allocated()}. */
    public Thread start(String name, Body body) {
        Thread thread = new Thread(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                ALLOCATED.add(THREADS.getCurrentThreadAllocatedBytes() - before);
            }
        }, name);
        started.add(thread);
        thread.start();
        return thread;
    }

    /** Joins every thread started here; rethrows the first failure of any. */
    public void joinAll() throws Exception {
        for (Thread thread : started) {
            thread.join();
        }
        Throwable t = failure.get();
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Counts what a thread that was not started here allocated (a generated pipeline's worker,
     * a library's thread), as its own counter reports it: call it from that thread, once.
     */
    static void countHere() {
        ALLOCATED.add(THREADS.getCurrentThreadAllocatedBytes());
    }

    /** Bytes allocated so far by finished benchmark threads. */
    static long allocated() {
        return ALLOCATED.sum();
    }

    /** Bytes allocated so far by the calling thread. */
    static long allocatedHere() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
