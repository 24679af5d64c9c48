package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the two ends of a channel share: the storage, and the count of open handles of each end.
 * Handles point here rather than at their {@link Channel}, which holds the original handles: a
 * handle that becomes unreachable must not keep other handles reachable (see {@link Handle}).
 */
final class Connection<T> {

    private static final VarHandle SENDERS;
    private static final VarHandle RECEIVERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SENDERS = lookup.findVarHandle(Connection.class, "senders", int.class);
            RECEIVERS = lookup.findVarHandle(Connection.class, "receivers", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Flavor<T> flavor;
    private final String kind;

    /**
     * Open sender handles; once it reaches 0 it stays 0 (see {@link #acquire}). Changed only by
     * atomic read-modify-writes: CAS up, getAndAdd down.
     */
    private volatile int senders = 1;

    /** Open receiver handles; once it reaches 0 it stays 0. Changed as {@link #senders} is. */
    private volatile int receivers = 1;

    /** A connection whose two original handles, one per end, are about to be created. */
    Connection(Flavor<T> flavor, String kind) {
        this.flavor = flavor;
        this.kind = kind;
    }

    Flavor<T> flavor() {
        return flavor;
    }

    /** {@code unbounded}, {@code bounded(2)}, {@code rendezvous}. */
    String kind() {
        return kind;
    }

    /** Whether every receiver handle has closed: the channel is disconnected for senders. */
    boolean receiversGone() {
        return receivers == 0;
    }

    /** Whether every sender handle has closed: receivers see the end once the buffer is empty. */
    boolean sendersGone() {
        return senders == 0;
    }

    /**
     * Takes one more count for a new handle, unless the count has already reached 0: a
     * disconnected end is never connected again. At the largest count it throws rather than wrap
     * to a negative one, which would read as closed (crossbeam aborts the process there).
     */
    boolean acquire(boolean sending) {
        VarHandle count = sending ? SENDERS : RECEIVERS;
        int open = (int) count.getVolatile(this);
        while (open > 0) {
            if (open == Integer.MAX_VALUE) {
                throw new IllegalStateException(Messages.tooManyHandles(sending ? "Sender" : "Receiver", open));
            }
            int witness = (int) count.compareAndExchange(this, open, open + 1);
            if (witness == open) {
                return true;
            }
            open = witness;
        }
        return false;
    }

    /** Gives one count back; the last one disconnects that end. */
    void release(boolean sending) {
        if (sending) {
            if ((int) SENDERS.getAndAdd(this, -1) == 1) {
                flavor.disconnectSenders();
            }
        } else if ((int) RECEIVERS.getAndAdd(this, -1) == 1) {
            flavor.disconnectReceivers();
        }
    }

    @Override
    public String toString() {
        return describe(senders, receivers);
    }

    /** As {@link #toString}, once one handle of the given end has been released. */
    String toStringAfterRelease(boolean sending) {
        return sending ? describe(senders - 1, receivers) : describe(senders, receivers - 1);
    }

    private String describe(int senders, int receivers) {
        return "Channel[" + kind + ", senders=" + senders + ", receivers=" + receivers + "]";
    }
}
