package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Rendezvous channel (capacity 0): no buffer; a value goes straight from a sender to a receiver,
 * and a send completes only once a receiver has taken the value.
 */
final class ZeroFlavor<T> extends Flavor<T> {
    /*
     * Maintainers' notes.
     *
     * Algorithm: the waiting list of crossbeam-channel's flavors/zero.rs (and of Go's unbuffered
     * channels): whoever arrives first appends a Waiter and waits; whoever arrives second finds
     * it, completes the exchange under the lock and wakes it. A waiting sender carries its value
     * in Waiter.item; a receiver that finds it reads the value and moves the sender's state to
     * NOTIFIED. A sender that finds a waiting receiver writes Waiter.item, then moves the
     * receiver's state to NOTIFIED. The state's compare-and-set decides every race with a waiter
     * giving up (time-out, interrupt): the exchange happened if and only if the CAS to NOTIFIED
     * won, so a value is never both delivered and reported as not sent.
     *
     *   head -> [ s1(v1) ] -> [ s2(v2) ] <- tail     sendersWait = true
     *
     * One list serves both sides, because it only ever holds one side's waiters: a newcomer first
     * takes every waiter of the other side from the head (a live one completes its exchange, one
     * that gave up is dropped), and appends itself only when none is left. It is linked through
     * Waiter.next, and the lock is a field of this object, so that a hand-off touches two cache
     * lines besides the value: this object's and the waiter's.
     *
     * A lock is the simple choice here: every operation is an exchange between two threads,
     * which costs a wake-up far more often than a contended lock does. It is a minimal one (a
     * CAS on a field, a short spin and then yielding while another thread holds it): it is held
     * for a few list operations only, and a hand-off on one core costs little more than the
     * context switch itself, so a heavier lock showed in the rendezvous benchmark.
     *
     * Invariants (under the lock): a waiter in the list is WAITING or CANCELLED (a cancelled one
     * removes itself as soon as it gets the lock); all its waiters are of one side, the one
     * sendersWait names; once disconnected, the list is empty and stays empty.
     *
     * Disconnection: the flag is set under the lock and every waiter in the list is woken with
     * the state DISCONNECTED. There is no buffer, so nothing is dropped: a waiting sender keeps
     * its value and gets DISCONNECTED back.
     */

    /**
     * Busy-waits of a waiter before it starts to yield (see {@link Waiter#await}): about 3 us on
     * the machine of 2026-12-02 (an {@code onSpinWait} cost some 25 ns there), longer than a
     * partner that is running on the other core takes to come (a few hundred nanoseconds), far
     * shorter than a time slice. A waiter that only yields notices its partner late, since a yield
     * costs about 0.5 us on a virtual machine. With this spin, {@link #LOCK_SPINS} and the one
     * list, the rendezvous benchmark went from 1.3 to 3.6 to 4.0 M round trips/s (2026-12-02, JDK
     * 25, three alternating runs each; the list and the lock's place alone moved nothing measurable
     * without the spins, the spins tripled it, and with them the lock's place counts: the same lock
     * as an object of its own gave 2.4 to 3.5 M, against 3.6 to 3.9 here, in four alternating runs
     * each). 128 is also what the JDK's {@code LinkedTransferQueue} spins. On the machine of
     * earlier that day, a spin of 48 had shown no gain.
     */
    private static final int SPINS = 128;

    /**
     * Busy-waits for the lock before a thread yields it the core. In a ping-pong both threads
     * reach the same channel at once (one to wait, one to hand over), so one of them finds the
     * lock taken about one time in ten; the holder needs it for some tens of nanoseconds, a
     * twentieth of a yield.
     */
    private static final int LOCK_SPINS = 32;

    private static final VarHandle HOLDER;

    static {
        try {
            HOLDER = MethodHandles.lookup().findVarHandle(ZeroFlavor.class, "holder", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread that holds the lock, or null: set by CAS in {@link #lock}, cleared by it. */
    private volatile Thread holder;

    /** The oldest waiter, or null; the list is linked through {@link Waiter#next}. Guarded. */
    private Waiter head;

    /** The youngest waiter, or null when {@link #head} is. Guarded by the lock. */
    private Waiter tail;

    /** Whether the waiters in the list are senders (else receivers); only while it has any. */
    private boolean sendersWait;

    /** Set once, when either side disconnects. Guarded by the lock. */
    private boolean disconnected;

    @Override
    int trySend(T value) {
        lock();
        try {
            if (disconnected) {
                return DISCONNECTED;
            }
            return handToReceiver(value) ? SENT : NOT_SENT;
        } finally {
            unlock();
        }
    }

    @Override
    int send(T value, long nanos) throws InterruptedException {
        long deadline = deadline(nanos);
        Waiter waiter;
        lock();
        try {
            if (disconnected) {
                return DISCONNECTED;
            }
            if (handToReceiver(value)) {
                return SENT;
            }
            if (nanos == 0) {
                return NOT_SENT;
            }
            waiter = new Waiter();
            waiter.item = value;
            append(waiter, true);
        } finally {
            unlock();
        }
        switch (awaitPartner(waiter, nanos > 0, deadline)) {
            case Waiter.NOTIFIED:
                return SENT;
            case Waiter.DISCONNECTED:
                return DISCONNECTED;
            default:
                return NOT_SENT;
        }
    }

    @Override
    Object tryRecv() {
        lock();
        try {
            Object value = takeFromSender();
            if (value != null) {
                return value;
            }
            return disconnected ? END : null;
        } finally {
            unlock();
        }
    }

    @Override
    Object recv(long nanos) throws InterruptedException {
        long deadline = deadline(nanos);
        Waiter waiter;
        lock();
        try {
            Object value = takeFromSender();
            if (value != null) {
                return value;
            }
            if (disconnected) {
                return END;
            }
            if (nanos == 0) {
                return null;
            }
            waiter = new Waiter();
            append(waiter, false);
        } finally {
            unlock();
        }
        switch (awaitPartner(waiter, nanos > 0, deadline)) {
            case Waiter.NOTIFIED:
                return waiter.item;
            case Waiter.DISCONNECTED:
                return END;
            default:
                return null;
        }
    }

    @Override
    boolean hasWaiters() {
        lock();
        try {
            return head != null;
        } finally {
            unlock();
        }
    }

    @Override
    void disconnectSenders() {
        disconnect();
    }

    @Override
    void disconnectReceivers() {
        disconnect();
    }

    private void disconnect() {
        lock();
        try {
            disconnected = true;
            Waiter waiter;
            while ((waiter = poll()) != null) {
                waiter.wake(Waiter.DISCONNECTED);
            }
        } finally {
            unlock();
        }
    }

    /** Gives the value to the oldest receiver still waiting. Call only while holding the lock. */
    private boolean handToReceiver(Object value) {
        assert isLockedByCurrentThread();
        while (head != null && !sendersWait) {
            Waiter receiver = poll();
            receiver.item = value; // published by the state CAS in wake
            if (receiver.wake(Waiter.NOTIFIED)) {
                return true;
            }
            receiver.item = null; // it gave up; it will never read the item
        }
        return false;
    }

    /** Takes the value of the oldest sender still waiting, or null. Call only holding the lock. */
    private Object takeFromSender() {
        assert isLockedByCurrentThread();
        while (head != null && sendersWait) {
            Waiter sender = poll();
            Object value = sender.item;
            if (sender.wake(Waiter.NOTIFIED)) {
                return value;
            }
        }
        return null;
    }

    /**
     * Adds a waiter at the end of the list. The caller has just emptied the list of the other
     * side's waiters (handToReceiver or takeFromSender found none), so the list stays one-sided.
     */
    private void append(Waiter waiter, boolean sender) {
        assert isLockedByCurrentThread();
        assert head == null || sendersWait == sender : "the list holds the other side's waiters";
        if (head == null) {
            head = waiter;
            sendersWait = sender;
        } else {
            tail.next = waiter;
        }
        tail = waiter;
    }

    /** Takes the oldest waiter out of the list, or null when it is empty. */
    private Waiter poll() {
        assert isLockedByCurrentThread();
        Waiter first = head;
        if (first != null) {
            head = first.next;
            first.next = null;
            if (head == null) {
                tail = null;
            }
        }
        return first;
    }

    /** Takes a waiter that gave up out of the list, if a partner has not taken it out already. */
    private void remove(Waiter waiter) {
        assert isLockedByCurrentThread();
        Waiter previous = null;
        for (Waiter at = head; at != null; previous = at, at = at.next) {
            if (at == waiter) {
                if (previous == null) {
                    head = at.next;
                } else {
                    previous.next = at.next;
                }
                if (tail == at) {
                    tail = previous;
                }
                at.next = null;
                return;
            }
        }
    }

    /**
     * Waits until a partner completes the exchange (NOTIFIED), the channel disconnects
     * (DISCONNECTED), or the caller gives up (CANCELLED, after a time-out). A partner that wins
     * the race against giving up wins outright: the exchange stands, and an interrupt that came
     * at the same time stays pending in the thread's status rather than being lost.
     *
     * @throws InterruptedException when interrupted before any partner came
     */
    private int awaitPartner(Waiter waiter, boolean timed, long deadline) throws InterruptedException {
        waiter.await(SPINS, timed, deadline);
        if (!waiter.transition(Waiter.CANCELLED)) {
            return waiter.state();
        }
        lock();
        try {
            remove(waiter);
        } finally {
            unlock();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return Waiter.CANCELLED;
    }

    /**
     * Takes the lock: a CAS on a field of this object, next to the list it guards, so that a
     * hand-off moves few cache lines between the two threads; a short spin, then yielding, while
     * another thread holds it. It reads the field before each CAS, so that a waiting thread does
     * not take the cache line from the holder, which is writing the list beside it. Not
     * reentrant, not fair; it never parks nor allocates.
     */
    private void lock() {
        Thread me = Thread.currentThread();
        for (int tries = 0; holder != null || !HOLDER.compareAndSet(this, null, me); tries++) {
            if (tries < LOCK_SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void unlock() {
        assert isLockedByCurrentThread() : "unlock by a thread that does not hold the lock";
        HOLDER.setRelease(this, null);
    }

    private boolean isLockedByCurrentThread() {
        return holder == Thread.currentThread();
    }
}
