package pneumatic.channel;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The threads waiting on one side of a buffered channel (receivers waiting for a value, or senders
 * waiting for room), in arrival order.
 *
 * <p>The protocol that makes wake-ups never get lost (a Dekker pair, as in crossbeam's
 * {@code SyncWaker}):
 * <ol>
 *   <li>A waiter {@link #enqueue}s itself (a volatile write of {@link #idle}), then tries its
 *       operation once more, which reads the other side's index with a volatile read, and parks
 *       only if that attempt fails.</li>
 *   <li>A waker first makes progress with a volatile read-modify-write of that index (the CAS that
 *       claims a slot), then reads {@link #idle}. It takes the lock only when someone waits, so a
 *       channel whose consumer keeps up costs no lock and no {@code unpark}.</li>
 * </ol>
 * Volatile accesses are totally ordered, so either the waiter's retry sees the progress or the
 * waker sees the waiter.
 *
 * <p>A waker wakes the oldest waiter, which may be one whose retry has just succeeded by itself,
 * on progress made before the wake-up's: the wake-up would then be lost while a younger waiter
 * stays parked. So a waiter that {@link #leave}s after being chosen always passes the wake-up on
 * with {@link #wakeOne()}, whether or not it got what it waited for; the worst this costs is one
 * wake-up that finds nothing and parks again.
 */
final class Waiters {

    private final ReentrantLock lock = new ReentrantLock();

    /** Waiters not yet chosen or cancelled, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    /** {@code true} exactly when {@link #queue} is empty. Written under the lock, read without. */
    private volatile boolean idle = true;

    /** Whether some thread waits here. */
    boolean hasWaiters() {
        return !idle;
    }

    /** Adds the caller's waiter; it must be in no queue and WAITING. */
    void enqueue(Waiter waiter) {
        assert waiter.state() == Waiter.WAITING : "enqueue a reset waiter";
        lock.lock();
        try {
            queue.addLast(waiter);
            idle = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the caller's waiter out of the game. Returns {@code true} when a waker had already
     * chosen it, which means the caller owes that wake-up to someone and must pass it on with
     * {@link #wakeOne()} (see the class comment).
     */
    boolean leave(Waiter waiter) {
        if (!waiter.transition(Waiter.CANCELLED)) {
            return true; // a waker chose it and already took it out of the queue
        }
        lock.lock();
        try {
            queue.remove(waiter);
            idle = queue.isEmpty();
        } finally {
            lock.unlock();
        }
        return false;
    }

    /** Wakes the oldest waiter that is still waiting, if any. Cheap when nobody waits. */
    void wakeOne() {
        if (idle) {
            return;
        }
        lock.lock();
        try {
            Waiter waiter;
            while ((waiter = queue.pollFirst()) != null) {
                if (waiter.wake(Waiter.NOTIFIED)) {
                    break;
                }
            }
            idle = queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter: used on disconnection, when nobody may stay blocked. */
    void wakeAll() {
        lock.lock();
        try {
            Waiter waiter;
            while ((waiter = queue.pollFirst()) != null) {
                waiter.wake(Waiter.NOTIFIED);
            }
            idle = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Parks the caller's enqueued waiter until it is woken, the deadline passes or the thread is
     * interrupted. Returns {@code true} when the caller should try its operation again, and
     * {@code false} on time-out, with the waiter out of the queue either way it returns.
     *
     * @throws InterruptedException when interrupted before being woken; a wake-up that raced with
     *     the interrupt is passed on, so no other waiter is left stranded
     */
    boolean await(Waiter waiter, boolean timed, long deadline) throws InterruptedException {
        waiter.await(0, timed, deadline);
        if (waiter.state() != Waiter.WAITING) {
            return true; // woken; a pending interrupt is noticed on the next round
        }
        boolean chosen = leave(waiter);
        if (Thread.interrupted()) {
            if (chosen) {
                wakeOne();
            }
            throw new InterruptedException();
        }
        return chosen;
    }
}
