package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The bookkeeping of one {@link Sender} or {@link Receiver} handle: whether it is closed, and the
 * one count it holds on its channel's senders or receivers.
 *
 * <p>It is a separate object from the handle itself, so that releasing the count never needs
 * the handle object.
 */
final class Handle {

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(Handle.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Channel<?> channel;
    private final boolean sending;

    /** Set once, by the first {@link #close()}; the count is given back by that call only. */
    private volatile boolean closed;

    /** A handle for a count the caller has already taken on {@code channel}. */
    Handle(Channel<?> channel, boolean sending) {
        this.channel = channel;
        this.sending = sending;
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the handle once; returns {@code false} if it was already closed. */
    boolean close() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return false;
        }
        channel.release(sending);
        return true;
    }
}
