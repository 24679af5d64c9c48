package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Unbounded channel: a linked list of fixed-size blocks of slots, so that a message costs a slot,
 * not a node. Sending never waits.
 */
final class LinkedFlavor<T> extends QueueFlavor<T> {
    /*
     * Maintainers' notes.
     *
     * Algorithm: the linked-block queue of crossbeam-channel's flavors/list.rs, simplified by the
     * garbage collector: a block that every receiver has moved past is unreachable and collected,
     * so the reference counting crossbeam needs to free blocks is not needed here.
     *
     *   position = (slot counter << SHIFT) | flag bit      slot counter counts LAP per block
     *
     *   headBlock                              tailBlock
     *      v                                      v
     *   [ b0: slots 0..30 ] --next--> [ b1: slots 0..30 ] --next--> null
     *        ^ head                               ^ tail
     *
     * Each block has BLOCK_CAP = LAP - 1 slots. Offset LAP - 1 of the counter is never a slot: it
     * is the moment a block is full and the next one is being linked, and anyone who sees it backs
     * off until the thread that took the last slot has moved the position on to the next block.
     *
     * Sending: CAS tail forward to claim an offset. The sender that claims the last slot of a block
     * (it allocates the next block before its CAS) publishes tailBlock, then moves tail past the
     * non-slot offset with an atomic add (a disconnection may have set the mark meanwhile), then
     * links block.next. It then writes its value into its slot with a release store.
     *
     * Receiving: read tail to see whether anything was claimed; if head and tail are in different
     * blocks, set HAS_NEXT in head, which promises that the current block's next link will appear.
     * CAS head forward to claim an offset; the receiver that claims the last slot moves headBlock
     * and head to the next block. Then wait (briefly: the sender is between its CAS and its store)
     * until the slot is non-null, which is how a written slot is recognised, take the value and
     * clear the slot.
     *
     * Invariants:
     *  - head <= tail, counted in slots, ignoring the flag bits;
     *  - a claimed slot is written exactly once, by the sender that claimed it, and read exactly
     *    once, by the receiver that claimed it;
     *  - tailBlock and headBlock are published before the position that points into them, so a
     *    thread that reads a position and then the block sees that block or a later one, and a
     *    later one makes its CAS on the (then changed) position fail.
     *
     * Disconnection: MARK_BIT in tail, set once and never cleared; it makes every sender's CAS fail.
     * Receivers compare positions without it, drain what is left and report END when head reaches
     * tail with the mark set.
     */

    private static final int SHIFT = 1;
    private static final long MARK_BIT = 1; // in tail: disconnected
    private static final long HAS_NEXT = 1; // in head: head's block has (or will have) a next block
    private static final int LAP = 32;
    private static final int BLOCK_CAP = LAP - 1;
    private static final long ONE = 1L << SHIFT;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LinkedFlavor.class, "head", long.class);
            TAIL = lookup.findVarHandle(LinkedFlavor.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A block of slots; a slot is written when it is non-null. */
    private static final class Block {
        final Object[] slots = new Object[BLOCK_CAP];

        /** The following block; written once, by the sender that filled this block's last slot. */
        volatile Block next;

        /** Waits until the next block is linked; the caller knows that it is being linked. */
        Block awaitNext() {
            Block next;
            for (int round = 0; (next = this.next) == null; round++) {
                backoff(Math.min(round, 7));
            }
            return next;
        }

        /** Waits until the claimed slot is written, takes the value and clears the slot. */
        Object take(int offset) {
            Object value;
            for (int round = 0; (value = SLOT.getAcquire(slots, offset)) == null; round++) {
                backoff(Math.min(round, 7));
            }
            slots[offset] = null;
            return value;
        }
    }

    /** Position of the next slot to receive, plus HAS_NEXT; CAS by receivers, see the notes. */
    private volatile long head;

    /** The block {@link #head} points into; written by the receiver that leaves a block. */
    private volatile Block headBlock;

    /** Position of the next slot to send into, plus MARK_BIT once disconnected; CAS only. */
    private volatile long tail;

    /** The block {@link #tail} points into; written by the sender that fills a block. */
    private volatile Block tailBlock;

    LinkedFlavor() {
        Block first = new Block();
        headBlock = first;
        tailBlock = first;
    }

    @Override
    int offer(T value) {
        Block next = null;
        long tail = this.tail;
        Block block = this.tailBlock;
        for (int round = 0; ; round++) {
            if ((tail & MARK_BIT) != 0) {
                return DISCONNECTED;
            }
            int offset = (int) ((tail >> SHIFT) % LAP);
            if (offset == BLOCK_CAP) {
                backoff(Math.min(round, 7)); // another sender is linking the next block
                tail = this.tail;
                block = this.tailBlock;
                continue;
            }
            if (offset + 1 == BLOCK_CAP && next == null) {
                next = new Block(); // allocated before the CAS, so the winner links it at once
            }
            long witness = (long) TAIL.compareAndExchange(this, tail, tail + ONE);
            if (witness == tail) {
                if (offset + 1 == BLOCK_CAP) {
                    tailBlock = next;
                    // Skip the non-slot offset, into the next block. An add, not a store, so
                    // that a disconnection mark set meanwhile survives.
                    TAIL.getAndAdd(this, ONE);
                    block.next = next;
                }
                SLOT.setRelease(block.slots, offset, value);
                receivers.wakeOne();
                return SENT;
            }
            tail = witness;
            block = this.tailBlock;
            backoff(Math.min(round, 5));
        }
    }

    @Override
    Object poll() {
        long head = this.head;
        Block block = this.headBlock;
        for (int round = 0; ; round++) {
            int offset = (int) ((head >> SHIFT) % LAP);
            if (offset == BLOCK_CAP) {
                backoff(Math.min(round, 7)); // another receiver is moving to the next block
                head = this.head;
                block = this.headBlock;
                continue;
            }
            long next = head + ONE;
            if ((next & HAS_NEXT) == 0) {
                long tail = this.tail;
                if ((head >> SHIFT) == (tail >> SHIFT)) {
                    return (tail & MARK_BIT) != 0 ? END : null; // empty
                }
                if ((head >> SHIFT) / LAP != (tail >> SHIFT) / LAP) {
                    next |= HAS_NEXT;
                }
            }
            long witness = (long) HEAD.compareAndExchange(this, head, next);
            if (witness == head) {
                if (offset + 1 == BLOCK_CAP) {
                    Block following = block.awaitNext();
                    long position = (next & ~HAS_NEXT) + ONE; // skip the non-slot offset
                    if (following.next != null) {
                        position |= HAS_NEXT;
                    }
                    headBlock = following;
                    this.head = position;
                }
                Object value = block.take(offset);
                senders.wakeOne(); // unbounded: nobody ever waits here, so this is one volatile read
                return value;
            }
            head = witness;
            block = this.headBlock;
            backoff(Math.min(round, 5));
        }
    }

    @Override
    void markDisconnected() {
        TAIL.getAndBitwiseOr(this, MARK_BIT);
    }
}
