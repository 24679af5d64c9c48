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

    /**
     * Calls of {@link Thread#yield()} before a waiter parks: 6 to 12 microseconds when no other
     * thread wants the core (a yield costs 0.3 to 0.6 us on the machines of BENCHMARKS.md), more
     * when one does, as each yield lets it run; about what a wake-up from parking costs on a
     * virtual machine, so that a partner that is about to come finds this thread still awake. Yielding rather than spinning for that long: it lets a
     * runnable thread have the core (the partner itself, often, on 2 cores). A caller may ask for
     * a few microseconds of spinning first, for a partner that is running on the other core and
     * about to come: the rendezvous does ({@code ZeroFlavor.SPINS}, where the measurements are);
     * the buffered flavors spin before they enqueue a waiter at all, and ask for none.
     */
    private static final int YIELDS = 20;

    private static final java.lang.invoke.VarHandle STATE;

    static {
        try {
            STATE = java.lang.invoke.MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Each thread's waiter for the buffered flavors' blocking calls, reused from one call to the
     * next, so that a call that has to wait allocates nothing. That is safe for the reason that
     * already lets one call reuse its waiter from round to round: a waker touches a waiter only
     * while it holds the lock of the queue it took it from, and every call leaves its queue
     * before it returns. (The rendezvous makes a waiter per call: it carries a value.)
     */
    private static final ThreadLocal<Waiter> OWN = ThreadLocal.withInitial(Waiter::new);

    final Thread thread = Thread.currentThread();

    /** One of the constants above; leaves WAITING only by {@link #transition}; reset by the owner. */
    private volatile int state;

    /**
     * Rendezvous only: the value offered by a waiting sender, or handed to a waiting receiver.
     * A sender writes its own before it enqueues, and the receiver that takes it reads it under
     * the flavor's lock, which publishes it; a sender hands a waiting receiver its value before
     * it notifies it, and the receiver reads it once the state has left WAITING, whose volatile
     * write publishes it.
     */
    Object item;

    /** Rendezvous only: the next waiter in the flavor's list; guarded by the flavor's lock. */
    Waiter next;

    /**
     * Whether the owner is parked or about to park: set by the owner before each park, after
     * which it checks the state again. A waker reads it after its state CAS; both are volatile,
     * so either the owner sees the new state and does not park, or the waker sees the flag.
     */
    private volatile boolean parked;

    /** The calling thread's waiter, reset to WAITING; it is in no queue (see {@link #OWN}). */
    static Waiter ofCurrentThread() {
        Waiter waiter = OWN.get();
        waiter.reset();
        return waiter;
    }

    int state() {
        return state;
    }

    /** Called by the owner, and only while it is in no queue, before enqueuing it again. */
    void reset() {
        assert thread == Thread.currentThread() : "only the owner may reset a waiter";
        assert !parked;
        state = WAITING;
    }

    /** Moves WAITING to {@code to}; {@code false} when someone else already moved it. */
    boolean transition(int to) {
        return STATE.compareAndSet(this, WAITING, to);
    }

    /**
     * Moves WAITING to {@code to} and unparks the owner if it is parked; {@code false} if the
     * state had already left WAITING. A waiter that is still spinning or yielding sees the new
     * state by itself, so it costs no {@code unpark}.
     */
    boolean wake(int to) {
        if (!transition(to)) {
            return false;
        }
        if (parked) { // read after the state's CAS: see the class comment
            LockSupport.unpark(thread);
        }
        return true;
    }

    /**
     * Waits while the state is WAITING: {@code spins} busy-waits first (checking the deadline and
     * the interrupt every 16), then some yielding, then parking. Returns when the state has
     * changed, when the deadline has passed (only if {@code timed}), or when the thread is
     * interrupted; the caller tells which by looking at the state and the interrupt status. The
     * interrupt status is left as it is.
     */
    void await(int spins, boolean timed, long deadline) {
        assert thread == Thread.currentThread() : "only the owner may wait";
        for (int i = 0; i < spins && state == WAITING; i++) {
            if ((i & 15) == 0 && (thread.isInterrupted() || (timed && deadline - System.nanoTime() <= 0))) {
                return;
            }
            Thread.onSpinWait();
        }
        for (int i = 0; i < YIELDS && state == WAITING && !thread.isInterrupted(); i++) {
            if (timed && deadline - System.nanoTime() <= 0) {
                return;
            }
            Thread.yield();
        }
        parked = true;
        while (state == WAITING && !thread.isInterrupted()) {
            if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
        parked = false;
    }
}
