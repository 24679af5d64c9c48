package pneumatic.channel;

import java.util.concurrent.locks.LockSupport;

/**
 * One thread waiting on a channel: the node that a {@link Waiters} queue or the rendezvous flavor
 * keeps, and the only place where this package parks a thread.
 *
 * <p>The state moves once away from {@link #WAITING}, by a compare-and-set, so that exactly one of
 * "the waker chose this waiter" and "the waiter gave up" wins. A waker that loses the race skips
 * the waiter and wakes the next one; a waiter that loses it knows it was chosen and must either
 * act on that or pass the wake-up on ({@link Waiters#leave}).
 */
final class Waiter {

    static final int WAITING = 0;
    /** Chosen by a waker: try again (buffered flavors), or the hand-off happened (rendezvous). */
    static final int NOTIFIED = 1;
    /** The waiter gave up (time-out, interrupt, or it found what it waited for by itself). */
    static final int CANCELLED = 2;
    /** Woken because the channel disconnected (rendezvous only; buffered flavors retry instead). */
    static final int DISCONNECTED = 3;

    /** Iterations of {@link Thread#onSpinWait()} before a waiter parks; short, since 2 cores. */
    private static final int SPINS = 64;

    private static final java.lang.invoke.VarHandle STATE;

    static {
        try {
            STATE = java.lang.invoke.MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread = Thread.currentThread();

    /** One of the constants above; leaves WAITING only by {@link #transition}; reset by the owner. */
    private volatile int state;

    /**
     * Rendezvous only: the value offered by a waiting sender, or handed to a waiting receiver.
     * Written by the sender before it enqueues, or by the waker before it notifies; read after the
     * state has left WAITING, whose volatile write publishes it.
     */
    Object item;

    int state() {
        return state;
    }

    /** Called by the owner, and only while it is in no queue, before enqueuing it again. */
    void reset() {
        assert thread == Thread.currentThread() : "only the owner may reset a waiter";
        state = WAITING;
    }

    /** Moves WAITING to {@code to}; {@code false} when someone else already moved it. */
    boolean transition(int to) {
        return STATE.compareAndSet(this, WAITING, to);
    }

    /** Moves WAITING to {@code to} and unparks the owner; {@code false} if it already left WAITING. */
    boolean wake(int to) {
        if (!transition(to)) {
            return false;
        }
        LockSupport.unpark(thread);
        return true;
    }

    /**
     * Waits while the state is WAITING: a short spin, then parking. Returns when the state has
     * changed, when the deadline has passed (only if {@code timed}), or when the thread is
     * interrupted; the caller tells which by looking at the state and the interrupt status. The
     * interrupt status is left as it is.
     */
    void await(boolean timed, long deadline) {
        assert thread == Thread.currentThread() : "only the owner may wait";
        for (int i = 0; i < SPINS && state == WAITING; i++) {
            Thread.onSpinWait();
        }
        while (state == WAITING && !thread.isInterrupted()) {
            if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
    }
}
