package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A minimal lock for the rendezvous' tiny critical sections: not reentrant, not fair, and it
 * never parks nor allocates. A thread that finds it taken yields, which on a machine with few
 * cores lets the holder finish.
 *
 * <p>The buffered flavors' wait queues ({@link Waiters}) keep a {@code ReentrantLock}: with this
 * lock instead, the stress test, with more threads than cores and interrupts, ran about 20%
 * fewer rounds (three alternating pairs of 15 s with one seed, 2026-12-02), more than the
 * 32-byte node a contended {@code ReentrantLock} allocates is worth.
 */
final class SpinLock {

    private static final VarHandle HOLDER;

    static {
        try {
            HOLDER = MethodHandles.lookup().findVarHandle(SpinLock.class, "holder", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread that holds the lock, or null; set by CAS, cleared by that thread. */
    private volatile Thread holder;

    void lock() {
        Thread me = Thread.currentThread();
        while (!HOLDER.compareAndSet(this, null, me)) {
            Thread.yield();
        }
    }

    void unlock() {
        assert holder == Thread.currentThread() : "unlock by a thread that does not hold the lock";
        HOLDER.setRelease(this, null);
    }

    /** For assertions: whether the calling thread holds it. */
    boolean isHeldByCurrentThread() {
        return holder == Thread.currentThread();
    }
}
