package pneumatic.channel;

/**
 * What the two buffered flavors ({@link ArrayFlavor}, {@link LinkedFlavor}) share: non-blocking
 * {@link #offer} and {@link #poll} written by each, and the blocking built on top of them here
 * (try, spin a little, then enqueue a {@link Waiter} and park), so that both flavors block,
 * time out, handle interrupts and disconnect in exactly one way.
 *
 * <p>Disconnection, in either direction, is a mark that makes every later {@link #offer} fail and
 * lets {@link #poll} report {@link #END} once the buffer is empty; it then wakes every waiter on
 * both sides. When the receivers go, the buffered values are drained and dropped at once, through
 * the same {@link #poll} that receivers use, so that a value whose slot a sender had claimed just
 * before the mark is dropped too.
 */
abstract class QueueFlavor<T> extends Flavor<T> {

    /** Rounds of {@link #backoff} a blocking call tries before it enqueues itself and parks. */
    private static final int ROUNDS_BEFORE_PARKING = 6;

    /**
     * The first rounds of {@link #backoff} spin, 1, 2, 4, then 8 times; later ones yield. The
     * spin stays short: a longer run of PAUSE instructions makes a virtual machine's CPU exit to
     * the hypervisor (pause-loop exiting), which costs far more than it saves (measured on the
     * project's first machine; the rendezvous, whose partner is often running on the other core,
     * gains from a longer spin on the present one: see {@code ZeroFlavor.SPINS}).
     */
    private static final int SPIN_ROUNDS = 4;

    /** Receivers waiting for a value. */
    final Waiters receivers = new Waiters();

    /** Senders waiting for room; always empty for an unbounded channel. */
    final Waiters senders = new Waiters();

    /**
     * One attempt to send: {@link #SENT}, {@link #NOT_SENT} (full) or {@link #DISCONNECTED}. On
     * success it wakes a waiting receiver, after the volatile write that claimed the slot.
     */
    abstract int offer(T value);

    /**
     * One attempt to receive: a value, {@code null} (empty) or {@link #END} (disconnected and
     * empty). On success it wakes a waiting sender, after the volatile write that freed the slot.
     * It returns {@code null} only after a volatile read of the senders' index.
     */
    abstract Object poll();

    /** Sets the disconnection mark; later offers fail. Idempotent. */
    abstract void markDisconnected();

    /**
     * Whether {@link #offer} is worth trying again while a blocking send spins: {@code false}
     * when the slot at the senders' end is still taken. It reads only what a sender writes
     * anyway, not the receivers' index, whose cache line a receiver writes on every message: a
     * spinning sender that read it would slow down the very receiver it waits for. A hint: it
     * may be stale either way, and a send that is about to park calls {@link #offer} itself.
     */
    boolean mayOffer() {
        return true;
    }

    /**
     * Whether {@link #poll} is worth trying again while a blocking receive spins: {@code false}
     * when the slot at the receivers' end is not written yet. Like {@link #mayOffer}, it leaves
     * the other side's index alone; a receive that is about to park calls {@link #poll} itself,
     * which is also where it learns that the senders are gone.
     */
    boolean mayPoll() {
        return true;
    }

    /**
     * Waits a little for another thread: spins first, then yields the core, since on a machine
     * with few cores the thread we wait for may need ours. Rounds past the spinning ones yield.
     */
    static void backoff(int round) {
        if (round < SPIN_ROUNDS) {
            for (int i = 1 << round; i > 0; i--) {
                Thread.onSpinWait();
            }
        } else {
            Thread.yield();
        }
    }

    @Override
    final int trySend(T value) {
        return offer(value);
    }

    @Override
    final Object tryRecv() {
        return poll();
    }

    @Override
    final int send(T value, long nanos) throws InterruptedException {
        int status = offer(value);
        if (status != NOT_SENT || nanos == 0) {
            return status;
        }
        boolean timed = nanos > 0;
        long deadline = deadline(nanos);
        for (int round = 0; round < ROUNDS_BEFORE_PARKING; round++) {
            backoff(round);
            if (mayOffer() && (status = offer(value)) != NOT_SENT
                    || timed && deadline - System.nanoTime() <= 0) {
                return status;
            }
        }
        Waiter waiter = Waiter.ofCurrentThread();
        while (true) {
            senders.enqueue(waiter);
            if ((status = offer(value)) != NOT_SENT) {
                if (senders.leave(waiter)) {
                    senders.wakeOne(); // see Waiters: this send may have used older room
                }
                return status;
            }
            if (!senders.await(waiter, timed, deadline)) {
                return NOT_SENT;
            }
            waiter.reset();
        }
    }

    @Override
    final Object recv(long nanos) throws InterruptedException {
        Object value = poll();
        if (value != null || nanos == 0) {
            return value;
        }
        boolean timed = nanos > 0;
        long deadline = deadline(nanos);
        for (int round = 0; round < ROUNDS_BEFORE_PARKING; round++) {
            backoff(round);
            if (mayPoll() && (value = poll()) != null || timed && deadline - System.nanoTime() <= 0) {
                return value;
            }
        }
        Waiter waiter = Waiter.ofCurrentThread();
        while (true) {
            receivers.enqueue(waiter);
            if ((value = poll()) != null) {
                if (receivers.leave(waiter)) {
                    receivers.wakeOne(); // see Waiters: this value may be an older one
                }
                return value;
            }
            if (!receivers.await(waiter, timed, deadline)) {
                return null;
            }
            waiter.reset();
        }
    }

    @Override
    final boolean hasWaiters() {
        return receivers.hasWaiters() || senders.hasWaiters();
    }

    @Override
    final void disconnectSenders() {
        markDisconnected();
        receivers.wakeAll();
        senders.wakeAll();
    }

    @Override
    final void disconnectReceivers() {
        markDisconnected();
        Object value;
        do {
            value = poll(); // dropped: nobody can receive it any more
        } while (value != null && value != END);
        senders.wakeAll();
        receivers.wakeAll();
    }
}
