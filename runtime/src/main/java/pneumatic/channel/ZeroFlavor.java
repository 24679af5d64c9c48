package pneumatic.channel;

import java.util.ArrayDeque;

/**
 * Rendezvous channel (capacity 0): no buffer; a value goes straight from a sender to a receiver,
 * and a send completes only once a receiver has taken the value.
 */
final class ZeroFlavor<T> extends Flavor<T> {
    /*
     * Maintainers' notes.
     *
     * Algorithm: the waiting lists of crossbeam-channel's flavors/zero.rs (and of Go's unbuffered
     * channels): whoever arrives first enqueues a Waiter and parks; whoever arrives second finds
     * it, completes the exchange under the lock and wakes it. A waiting sender carries its value
     * in Waiter.item; a receiver that finds it reads the value and moves the sender's state to
     * NOTIFIED. A sender that finds a waiting receiver writes Waiter.item, then moves the
     * receiver's state to NOTIFIED. The state's compare-and-set decides every race with a waiter
     * giving up (time-out, interrupt): the exchange happened if and only if the CAS to NOTIFIED
     * won, so a value is never both delivered and reported as not sent.
     *
     *   senders:   [ s1(v1) ] [ s2(v2) ]        at most one of the two lists is non-empty,
     *   receivers: (empty)                      except for waiters that just gave up
     *
     * A lock is the simple choice here: every operation is an exchange between two threads,
     * which costs a wake-up far more often than a contended lock does. It is a minimal one (a
     * CAS on a flag, yielding while another thread holds it): it is held for a few list
     * operations only, and a hand-off on one core costs little more than the context switch
     * itself, so a heavier lock showed in the rendezvous benchmark.
     *
     * Invariants (under the lock): a waiter in a list is WAITING or CANCELLED (a cancelled one
     * removes itself as soon as it gets the lock); once disconnected, both lists are empty and
     * stay empty.
     *
     * Disconnection: the flag is set under the lock and every waiter on both sides is woken with
     * the state DISCONNECTED. There is no buffer, so nothing is dropped: a waiting sender keeps
     * its value and gets DISCONNECTED back.
     */

    /** Guards the two queues and the disconnected flag; held for a few instructions at a time. */
    private final SpinLock lock = new SpinLock();

    /** Senders waiting for a receiver, oldest first, each with its value. Guarded by lock. */
    private final ArrayDeque<Waiter> senders = new ArrayDeque<>();

    /** Receivers waiting for a sender, oldest first. Guarded by lock. */
    private final ArrayDeque<Waiter> receivers = new ArrayDeque<>();

    /** Set once, when either side disconnects. Guarded by lock. */
    private boolean disconnected;

    @Override
    int trySend(T value) {
        lock.lock();
        try {
            if (disconnected) {
                return DISCONNECTED;
            }
            return handToReceiver(value) ? SENT : NOT_SENT;
        } finally {
            lock.unlock();
        }
    }

    @Override
    int send(T value, long nanos) throws InterruptedException {
        long deadline = deadline(nanos);
        Waiter waiter;
        lock.lock();
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
            senders.addLast(waiter);
        } finally {
            lock.unlock();
        }
        switch (awaitPartner(waiter, senders, nanos > 0, deadline)) {
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
        lock.lock();
        try {
            Object value = takeFromSender();
            if (value != null) {
                return value;
            }
            return disconnected ? END : null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    Object recv(long nanos) throws InterruptedException {
        long deadline = deadline(nanos);
        Waiter waiter;
        lock.lock();
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
            receivers.addLast(waiter);
        } finally {
            lock.unlock();
        }
        switch (awaitPartner(waiter, receivers, nanos > 0, deadline)) {
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
        lock.lock();
        try {
            return !senders.isEmpty() || !receivers.isEmpty();
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            disconnected = true;
            wakeAll(senders);
            wakeAll(receivers);
        } finally {
            lock.unlock();
        }
    }

    /** Gives the value to the oldest receiver still waiting. Call only while holding the lock. */
    private boolean handToReceiver(Object value) {
        assert lock.isHeldByCurrentThread();
        Waiter receiver;
        while ((receiver = receivers.pollFirst()) != null) {
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
        assert lock.isHeldByCurrentThread();
        Waiter sender;
        while ((sender = senders.pollFirst()) != null) {
            Object value = sender.item;
            if (sender.wake(Waiter.NOTIFIED)) {
                return value;
            }
        }
        return null;
    }

    private static void wakeAll(ArrayDeque<Waiter> waiters) {
        Waiter waiter;
        while ((waiter = waiters.pollFirst()) != null) {
            waiter.wake(Waiter.DISCONNECTED);
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
    private int awaitPartner(Waiter waiter, ArrayDeque<Waiter> queue, boolean timed, long deadline)
            throws InterruptedException {
        waiter.await(timed, deadline);
        if (!waiter.transition(Waiter.CANCELLED)) {
            return waiter.state();
        }
        lock.lock();
        try {
            queue.remove(waiter);
        } finally {
            lock.unlock();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return Waiter.CANCELLED;
    }
}
