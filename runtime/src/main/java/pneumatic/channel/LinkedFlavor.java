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
     * Algorithm: the linked-block queue of crossbeam-channel's flavors/list.rs. Where crossbeam
     * frees a block once every receiver is done with it, this one gives it to a small pool for
     * the senders' next block (the garbage collector takes the rest), so that a channel in a
     * steady state allocates nothing.
     *
     *   position = (slot counter << SHIFT) | flag bit      slot counter counts LAP per block
     *
     *   head.block                             tail.block
     *      v                                      v
     *   [ b0: slots 0..254 ] --next--> [ b1: slots 0..254 ] --next--> null
     *        ^ head.position                        ^ tail.position
     *
     * Each block has BLOCK_CAP = LAP - 1 slots. Offset LAP - 1 of the counter is never a slot: it
     * is the moment a block is full and the next one is being linked, and anyone who sees it backs
     * off until the thread that took the last slot has moved the position on to the next block.
     * head and tail are separate padded objects: each is written on every message by its side.
     *
     * Sending: CAS tail forward to claim an offset. The sender that claims the last slot of a block
     * (it takes the next block from the pool, or allocates it, before its CAS) publishes
     * tail.block, then moves tail past the non-slot offset with an atomic add (a disconnection may
     * have set the mark meanwhile), then links block.next. It then writes its value into its slot
     * with a release store.
     *
     * Receiving: a slot already written was claimed, so go on; only if it is still null, read
     * tail to see whether anything was claimed (a receiver that read tail on every message would
     * take the line that a sender writes on every message), and if head and tail are in different
     * blocks, set HAS_NEXT in head, which promises that the current block's next link will appear.
     * CAS head forward to claim an offset; the receiver that claims the last slot moves head.block
     * and head to the next block. Then wait (briefly: the sender is between its CAS and its store)
     * until the slot is non-null, which is how a written slot is recognised, take the value and
     * clear the slot, and count it in block.taken.
     *
     * Reuse: the receiver whose count completes a block (all BLOCK_CAP slots taken) resets its
     * next link and count and pools it. No thread can still use such a block: every slot was
     * written before it was taken, the last writer linked block.next before writing its slot, the
     * last-slot receiver read block.next before taking its slot, and any other thread that still
     * holds a reference to it holds a position in it too, whose CAS fails because positions only
     * grow. The pool is a bounded ArrayFlavor, whose stamps make a block's reuse safe where a
     * linked free list would suffer from ABA.
     *
     * Invariants:
     *  - head <= tail, counted in slots, ignoring the flag bits;
     *  - a claimed slot is written exactly once, by the sender that claimed it, and read exactly
     *    once, by the receiver that claimed it;
     *  - tail.block and head.block are published before the position that points into them, so a
     *    thread that reads a position and then the block sees that block or a later one, and a
     *    later one makes its CAS on the (then changed) position fail;
     *  - a pooled block has every slot null, next == null and taken == 0.
     *
     * Disconnection: MARK_BIT in tail, set once and never cleared; it makes every sender's CAS fail.
     * Receivers compare positions without it, drain what is left and report END when head reaches
     * tail with the mark set.
     */

    private static final int SHIFT = 1;
    private static final long MARK_BIT = 1; // in tail: disconnected
    private static final long HAS_NEXT = 1; // in head: head's block has (or will have) a next block
    private static final int LAP = 256;
    private static final int BLOCK_CAP = LAP - 1;

    /** Freed blocks kept for reuse, at most: 64 blocks of 255 slots, about 64 KB. */
    private static final int POOLED_BLOCKS = 64;
    private static final long ONE = 1L << SHIFT;

    private static final VarHandle POSITION;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle TAKEN;
    private static final VarHandle POOL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            POSITION = lookup.findVarHandle(EndFields.class, "position", long.class);
            TAKEN = lookup.findVarHandle(Block.class, "taken", int.class);
            POOL = lookup.findVarHandle(LinkedFlavor.class, "pool", ArrayFlavor.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A block of slots; a slot is written when it is non-null. */
    private static final class Block {
        final Object[] slots = new Object[BLOCK_CAP];

        /** The following block; written once per use, by the sender that filled the last slot. */
        volatile Block next;

        /** Slots taken by receivers in this use; the receiver that takes the last recycles it. */
        volatile int taken;

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

        /**
         * Counts one slot as taken, after {@link #take}. Returns whether it was the block's last:
         * then no thread uses the block any more, and the caller may recycle it.
         */
        boolean release() {
            return (int) TAKEN.getAndAdd(this, 1) == BLOCK_CAP - 1;
        }
    }

    /* Padding for an End: 128 bytes before and after its fields (superclass fields come first). */
    @SuppressWarnings("unused")
    private abstract static class EndPadding {
        long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    }

    /** One end of the queue: a position and the block it points into. */
    private abstract static class EndFields extends EndPadding {
        /** The position (see the notes); CAS by the threads of this end. */
        volatile long position;

        /** The block {@link #position} points into; written by the thread that moves to the next. */
        volatile Block block;
    }

    /**
     * An end, padded so that the receivers' end and the senders' end never share a cache line:
     * each is written on every message by its own side.
     */
    @SuppressWarnings("unused")
    private static final class End extends EndFields {
        long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;
    }

    /** Receivers' end: next slot to receive, plus HAS_NEXT. */
    private final End head = new End();

    /** Senders' end: next slot to send into, plus MARK_BIT once disconnected. */
    private final End tail = new End();

    /**
     * Blocks whose every slot has been taken, kept for the senders' next blocks, so that a channel
     * whose consumer keeps up, or that fills and drains in bursts of up to about 16,000 values,
     * allocates nothing in its steady state. Created with the first freed block; then never
     * changes. Blocks go in from the receiver that took a block's last slot, out to the sender
     * that fills a block; a bounded ring, whose stamps make reuse safe where a linked free list
     * would suffer from ABA.
     */
    private volatile ArrayFlavor<Block> pool;

    LinkedFlavor() {
        Block first = new Block();
        head.block = first;
        tail.block = first;
    }

    /** A cleared block for the tail to move to: a pooled one if there is one, else a new one. */
    private Block nextBlock() {
        ArrayFlavor<Block> blocks = pool;
        Object pooled = blocks == null ? null : blocks.poll();
        return pooled != null ? (Block) pooled : new Block();
    }

    /** Clears a block that no thread uses any more and pools it, unless the pool is full. */
    @SuppressWarnings("unchecked")
    private void recycle(Block block) {
        block.next = null;
        block.taken = 0; // its slots were cleared as they were taken
        ArrayFlavor<Block> blocks = pool;
        if (blocks == null) {
            try {
                POOL.compareAndSet(this, null, new ArrayFlavor<Block>(POOLED_BLOCKS));
            } catch (OutOfMemoryError noRoom) {
                return; // pooling only saves allocations: the block is left to the garbage collector
            }
            blocks = (ArrayFlavor<Block>) POOL.getVolatile(this);
        }
        blocks.offer(block); // NOT_SENT when full: the block is left to the garbage collector
    }

    @Override
    int offer(T value) {
        Block next = null;
        long position = tail.position;
        Block block = tail.block;
        for (int round = 0; ; round++) {
            if ((position & MARK_BIT) != 0) {
                if (next != null) {
                    recycle(next); // never linked: nobody else has seen it
                }
                return DISCONNECTED;
            }
            int offset = (int) ((position >> SHIFT) % LAP);
            if (offset == BLOCK_CAP) {
                backoff(Math.min(round, 7)); // another sender is linking the next block
                position = tail.position;
                block = tail.block;
                continue;
            }
            if (offset + 1 == BLOCK_CAP && next == null) {
                next = nextBlock(); // before the CAS, so the winner links it at once
            }
            long witness = (long) POSITION.compareAndExchange(tail, position, position + ONE);
            if (witness == position) {
                Block unused = null;
                if (offset + 1 == BLOCK_CAP) {
                    tail.block = next;
                    // Skip the non-slot offset, into the next block. An add, not a store, so
                    // that a disconnection mark set meanwhile survives.
                    POSITION.getAndAdd(tail, ONE);
                    block.next = next;
                } else {
                    unused = next; // prepared for a block end another sender took, or null
                }
                // The claimed slot is written before anything else can go wrong: a receiver that
                // reaches it waits for its value.
                SLOT.setRelease(block.slots, offset, value);
                if (unused != null) {
                    recycle(unused);
                }
                receivers.wakeOne();
                return SENT;
            }
            position = witness;
            block = tail.block;
            backoff(Math.min(round, 5));
        }
    }

    @Override
    Object poll() {
        long position = head.position;
        Block block = head.block;
        for (int round = 0; ; round++) {
            int offset = (int) ((position >> SHIFT) % LAP);
            if (offset == BLOCK_CAP) {
                backoff(Math.min(round, 7)); // another receiver is moving to the next block
                position = head.position;
                block = head.block;
                continue;
            }
            long next = position + ONE;
            // A written slot is a claimed one: only an empty-looking slot needs the senders'
            // position, whose line a sender writes on every message.
            if ((next & HAS_NEXT) == 0 && SLOT.getAcquire(block.slots, offset) == null) {
                long end = tail.position;
                if ((position >> SHIFT) == (end >> SHIFT)) {
                    return (end & MARK_BIT) != 0 ? END : null; // empty
                }
                if ((position >> SHIFT) / LAP != (end >> SHIFT) / LAP) {
                    next |= HAS_NEXT;
                }
            }
            long witness = (long) POSITION.compareAndExchange(head, position, next);
            if (witness == position) {
                if (offset + 1 == BLOCK_CAP) {
                    Block following = block.awaitNext();
                    long moved = (next & ~HAS_NEXT) + ONE; // skip the non-slot offset
                    if (following.next != null) {
                        moved |= HAS_NEXT;
                    }
                    head.block = following;
                    head.position = moved;
                }
                Object value = block.take(offset);
                if (block.release()) {
                    recycle(block);
                }
                senders.wakeOne(); // unbounded: nobody ever waits here, so this is one volatile read
                return value;
            }
            position = witness;
            block = head.block;
            backoff(Math.min(round, 5));
        }
    }

    @Override
    boolean mayPoll() {
        long position = head.position;
        Block block = head.block;
        int offset = (int) ((position >> SHIFT) % LAP);
        return offset == BLOCK_CAP || SLOT.getAcquire(block.slots, offset) != null;
    }

    @Override
    void markDisconnected() {
        POSITION.getAndBitwiseOr(tail, MARK_BIT);
    }
}
