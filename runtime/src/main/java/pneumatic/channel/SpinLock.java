package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A minimal lock for the tiny critical sections around this package's wait queues: not
 * reentrant, not fair, and it never parks nor allocates, so that taking it can neither put a
 * thread to sleep for longer than the holder's few instructions nor cost a message any memory
 * (a contended {@code ReentrantLock} allocates a queue node). A thread that finds it taken
 * yields, which on a machine with few cores lets the holder finish.
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
