package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Bounded channel: a ring of {@code capacity} slots fixed at creation, shared by any number of
 * senders and receivers.
 */
final class ArrayFlavor<T> extends QueueFlavor<T> {
    /*
     * Maintainers' notes.
     *
     * Algorithm: Dmitry Vyukov's bounded MPMC queue, in the form crossbeam-channel's
     * flavors/array.rs gives it: every slot carries a stamp that says whose turn it is, and head
     * and tail are stamps too, so a thread claims a slot with one CAS and never takes a lock.
     *
     *   stamp = lap | index        index in [0, capacity), lap a multiple of oneLap
     *   markBit = smallest power of two > capacity; oneLap = 2 * markBit
     *
     *              head                      tail
     *               v                         v
     *   slots:  [ full | full | full | empty | empty ]      stamps say which lap each slot is on
     *
     * Slot i starts with stamp i. A sender at tail = t may write slot t.index when the slot's
     * stamp == t: it CASes tail forward, writes the value and releases stamp t + 1. A receiver at
     * head = h may read the slot when its stamp == h + 1: it CASes head forward, takes the value,
     * clears the slot and releases stamp h + oneLap, which is the sender's turn on the next lap.
     *
     * Invariants:
     *  - head <= tail (without the mark), and tail - head (counted in slots) <= capacity;
     *  - a slot holds a value exactly when its stamp is (that lap's) tail + 1;
     *  - values are never null, and a slot is cleared before it is handed back, so the ring holds
     *    no reference to a value that was received.
     *
     * Full and empty: a sender that sees a stamp one lap behind reads head; head + oneLap == tail
     * means full. A receiver that sees stamp == head reads tail; tail == head means empty. Any
     * other mismatch means another thread is half-way through that slot: back off and retry.
     * A blocking call that spins asks mayOffer or mayPoll between its attempts, which read only
     * its own index and the slot, so that a waiting side leaves the other side's index alone.
     *
     * Layout: a slot is a small object holding its stamp and its value (crossbeam's Slot), so
     * that each operation writes one line of the ring rather than a line of a stamp array and a
     * line of a value array, each shared with the other side: S1 and S2 of the benchmarks moved
     * about 1.3x as many messages that way. The Cell array itself is only read after creation.
     *
     * Disconnection: markBit is set in tail (never cleared). It makes every sender's CAS fail, so
     * nothing new enters; receivers compare tail without the mark, so they drain what is left and
     * report END when they find the ring empty with the mark set.
     */

    /** Head and tail are longs in a padded array, read and written through this. */
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /*
     * head and tail live in one array, 128 bytes apart and 120 bytes from either end, so that the
     * receivers' CAS on head and the senders' CAS on tail never fight over one cache line (nor
     * over a line of a neighbouring object). Java lays out fields as it likes; array elements
     * stay where they are.
     */
    private static final int HEAD = 15;
    private static final int TAIL = HEAD + 16;

    private final int capacity;
    private final long markBit;
    private final long oneLap;

    /**
     * One slot of the ring: its stamp beside its value, so that a send or a receive touches one
     * cache line of the ring, not one line of a stamp array and another of a value array.
     */
    private static final class Cell {
        /** The slot's turn (see the notes); read with acquire and written with release, via STAMP. */
        long stamp;

        /** Written by the sender whose CAS claimed the slot, read and cleared by that receiver. */
        Object value;
    }

    private static final VarHandle STAMP;

    static {
        try {
            STAMP = MethodHandles.lookup().findVarHandle(Cell.class, "stamp", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The slots, created with the channel and never replaced; cell i starts with stamp i (plain
     * writes in the constructor, published with the final field).
     */
    private final Cell[] cells;

    /**
     * [HEAD]: stamp of the next slot to receive from; advanced by CAS by receivers only.
     * [TAIL]: stamp of the next slot to send into, plus {@link #markBit} once disconnected; CAS
     * only. Every other element is padding.
     */
    private final long[] indices = new long[TAIL + 16];

    ArrayFlavor(int capacity) {
        assert capacity > 0 : "a zero-capacity channel is a ZeroFlavor";
        this.capacity = capacity;
        this.markBit = Long.highestOneBit(capacity) << 1;
        this.oneLap = markBit << 1;
        this.cells = new Cell[capacity];
        for (int i = 0; i < capacity; i++) {
            Cell cell = new Cell();
            cell.stamp = i;
            cells[i] = cell;
        }
    }

    @Override
    int offer(T value) {
        long tail = (long) LONGS.getVolatile(indices, TAIL);
        for (int round = 0; ; round++) {
            if ((tail & markBit) != 0) {
                return DISCONNECTED;
            }
            Cell cell = cell(tail);
            long stamp = (long) STAMP.getAcquire(cell);
            if (stamp == tail) {
                long next = next(tail);
                long witness = (long) LONGS.compareAndExchange(indices, TAIL, tail, next);
                if (witness == tail) {
                    cell.value = value;
                    STAMP.setRelease(cell, tail + 1);
                    receivers.wakeOne();
                    return SENT;
                }
                tail = witness;
            } else if (stamp + oneLap == tail + 1) {
                if ((long) LONGS.getVolatile(indices, HEAD) + oneLap == tail) {
                    return NOT_SENT; // full
                }
                backoff(Math.min(round, 7));
                tail = (long) LONGS.getVolatile(indices, TAIL);
            } else {
                backoff(Math.min(round, 7)); // another sender is between its CAS and its write
                tail = (long) LONGS.getVolatile(indices, TAIL);
            }
        }
    }

    @Override
    Object poll() {
        long head = (long) LONGS.getVolatile(indices, HEAD);
        for (int round = 0; ; round++) {
            Cell cell = cell(head);
            long stamp = (long) STAMP.getAcquire(cell);
            if (stamp == head + 1) {
                long next = next(head);
                long witness = (long) LONGS.compareAndExchange(indices, HEAD, head, next);
                if (witness == head) {
                    Object value = take(cell, head);
                    senders.wakeOne();
                    return value;
                }
                head = witness;
            } else if (stamp == head) {
                long tail = (long) LONGS.getVolatile(indices, TAIL);
                if ((tail & ~markBit) == head) {
                    return (tail & markBit) != 0 ? END : null; // empty
                }
                backoff(Math.min(round, 7)); // a sender is between its CAS and its write
                head = (long) LONGS.getVolatile(indices, HEAD);
            } else {
                backoff(Math.min(round, 7));
                head = (long) LONGS.getVolatile(indices, HEAD);
            }
        }
    }

    /**
     * Claims every ready slot from head on, up to {@code max}, with one CAS, then takes them: a
     * consumer that finds several values waiting pays for one claim, not one per value. Every
     * claimed slot is handed back before the first value goes to {@code into}, whose add may be
     * slow or may itself send on this channel: a sender must never wait for the caller's code.
     */
    @Override
    @SuppressWarnings("unchecked")
    int drain(java.util.Collection<? super T> into, int max) {
        long head = (long) LONGS.getVolatile(indices, HEAD);
        for (int round = 0; ; round++) {
            int ready = 0;
            long end = head;
            while (ready < max) {
                if ((long) STAMP.getAcquire(cell(end)) != end + 1) {
                    break;
                }
                ready++;
                end = next(end);
            }
            if (ready == 0) {
                if (max <= 0) {
                    return 0;
                }
                Object one = poll(); // empty, the end, or a slot in transit: poll knows what to do
                if (one == null || one == END) {
                    return one == null ? 0 : -1;
                }
                into.add((T) one);
                return 1;
            }
            long witness = (long) LONGS.compareAndExchange(indices, HEAD, head, end);
            if (witness == head) {
                Object[] taken = borrowTaken(ready);
                long position = head;
                for (int i = 0; i < ready; i++) {
                    taken[i] = take(cell(position), position);
                    position = next(position);
                }
                if (senders.hasWaiters()) {
                    for (int i = 0; i < ready; i++) {
                        senders.wakeOne();
                    }
                }
                try {
                    for (int i = 0; i < ready; i++) {
                        into.add((T) taken[i]);
                    }
                } finally {
                    // If into threw, the values not yet added are dropped, as Receiver.drainTo
                    // documents; either way the array goes back without them.
                    java.util.Arrays.fill(taken, 0, ready, null);
                    TAKEN.set(taken);
                }
                return ready;
            }
            head = witness;
            backoff(Math.min(round, 3));
        }
    }

    /**
     * The values a drain has taken and not yet added, per receiving thread, so that a drain
     * allocates nothing once its thread has drained as many before. Borrowed while in use: a
     * drain from inside {@code into.add} (of this channel or another) gets an array of its own.
     */
    private static final ThreadLocal<Object[]> TAKEN = new ThreadLocal<>();

    private static Object[] borrowTaken(int size) {
        Object[] taken = TAKEN.get();
        if (taken == null || taken.length < size) {
            return new Object[Math.max(size, 64)];
        }
        TAKEN.set(null);
        return taken;
    }

    /** The stamp after {@code stamp}: the next index, or index 0 of the next lap. */
    private long next(long stamp) {
        int index = (int) (stamp & (markBit - 1));
        return index + 1 < capacity ? stamp + 1 : (stamp & -oneLap) + oneLap;
    }

    /** The slot that stamp {@code stamp} points at. */
    private Cell cell(long stamp) {
        return cells[(int) (stamp & (markBit - 1))];
    }

    /**
     * Empties the slot that the caller has claimed at stamp {@code position} and hands it to the
     * senders' next lap; returns the value it held.
     */
    private Object take(Cell cell, long position) {
        Object value = cell.value;
        cell.value = null;
        STAMP.setRelease(cell, position + oneLap);
        return value;
    }

    @Override
    boolean mayOffer() {
        long tail = (long) LONGS.getVolatile(indices, TAIL);
        return (tail & markBit) != 0 || (long) STAMP.getAcquire(cell(tail)) == tail;
    }

    @Override
    boolean mayPoll() {
        long head = (long) LONGS.getVolatile(indices, HEAD);
        return (long) STAMP.getAcquire(cell(head)) == head + 1;
    }

    @Override
    void markDisconnected() {
        LONGS.getAndBitwiseOr(indices, TAIL, markBit);
    }
}
