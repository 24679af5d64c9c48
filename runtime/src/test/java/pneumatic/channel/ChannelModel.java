package pneumatic.channel;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sequential specification that the Lincheck tests ({@link ChannelLincheckContract}) check
 * the channels against: API.md section 1 written as a plain, single-threaded object. Lincheck
 * calls it by reflection, so every operation here has the name and parameter types of the
 * operation of the same name in {@link ChannelLincheckContract}, and returns what that one
 * returns for the same outcome.
 *
 * <p>The channel has {@link #HANDLES} sender handles and as many receiver handles; each belongs to
 * one scenario thread (see {@link ChannelScenarios}). Closing the last open handle of an end
 * disconnects that end, exactly as in the channel.
 *
 * <p><b>Blocking operations.</b> Lincheck checks linearizability: it looks for an order of the
 * completed operations, consistent with real time, in which this object gives every operation
 * the result it really had. A blocking {@code send} (or {@code recv}) takes effect at the moment
 * it completes, when there is room (or a value), so here it returns {@link #BLOCKED} when there is
 * none: no operation ever returns that, so Lincheck rejects every order that puts a blocking
 * operation where it would still be waiting, and keeps looking. Whether a blocked operation is
 * ever released is not a question of results but of progress: the scenarios never leave one
 * waiting for good ({@link ChannelScenarios}), so a hang is a failure Lincheck reports by itself.
 *
 * <p>A timed operation that times out takes effect at a moment when it could not proceed: it is
 * {@code tryRecv} or {@code trySend} with {@link #TIMEOUT} for {@link #EMPTY} or {@link #FULL}.
 */
public abstract class ChannelModel {

    /** Handles of each end, one per scenario thread at most. */
    public static final int HANDLES = 3;

    public static final String SENT = "sent";
    public static final String FULL = "full";
    public static final String EMPTY = "empty";
    public static final String TIMEOUT = "timeout";
    public static final String DISCONNECTED = "disconnected";
    public static final String HANDLE_CLOSED = "handle closed";
    public static final String CLOSED = "closed";

    /** Not a result any channel operation has: "this operation cannot take effect here". */
    public static final String BLOCKED = "<cannot take effect now>";

    /** Whether each sender handle is open; the end is disconnected when none is. */
    final boolean[] sendersOpen = new boolean[HANDLES];

    /** Whether each receiver handle is open; the end is disconnected when none is. */
    final boolean[] receiversOpen = new boolean[HANDLES];

    ChannelModel() {
        Arrays.fill(sendersOpen, true);
        Arrays.fill(receiversOpen, true);
    }

    /** A copy that evolves on its own, for {@link ChannelScenarios}' exploration. */
    abstract ChannelModel copy();

    /**
     * Whether this specification gives one result for {@code kind} in the scenarios of {@code
     * ChannelScenarios}; {@code partnersWait} says whether those may have a thread waiting in a
     * blocking or timed operation while {@code kind} runs.
     */
    boolean specifies(ChannelScenarios.Kind kind, boolean partnersWait) {
        return true;
    }

    /**
     * Rendezvous only: a value has been handed over and its receiver's operation must be the next
     * one (the two take effect together). Then every other operation is {@link #BLOCKED}.
     */
    boolean awaitsReceiver() {
        return false;
    }

    /** Everything that tells two states apart, for {@link #equals} and {@link #hashCode}. */
    abstract Object contents();

    public abstract Object trySend(int handle, int value);

    public abstract Object send(int handle, int value);

    public abstract Object sendTimed(int handle, int value);

    public abstract Object tryRecv(int handle);

    public abstract Object recv(int handle);

    public abstract Object recvTimed(int handle);

    public Object closeSender(int handle) {
        if (awaitsReceiver()) {
            return BLOCKED;
        }
        sendersOpen[handle] = false;
        return CLOSED;
    }

    public Object closeReceiver(int handle) {
        if (awaitsReceiver()) {
            return BLOCKED;
        }
        receiversOpen[handle] = false;
        if (receiversGone()) {
            dropBuffered();
        }
        return CLOSED;
    }

    /** The last receiver closed: buffered values are discarded at once. */
    abstract void dropBuffered();

    final boolean sendersGone() {
        return !anyOpen(sendersOpen);
    }

    final boolean receiversGone() {
        return !anyOpen(receiversOpen);
    }

    final void copyHandles(ChannelModel from) {
        System.arraycopy(from.sendersOpen, 0, sendersOpen, 0, HANDLES);
        System.arraycopy(from.receiversOpen, 0, receiversOpen, 0, HANDLES);
    }

    private static boolean anyOpen(boolean[] open) {
        for (boolean each : open) {
            if (each) {
                return true;
            }
        }
        return false;
    }

    /** Lincheck merges equal states of its transition system; equal means same class and contents. */
    @Override
    public final boolean equals(Object other) {
        return other instanceof ChannelModel
                && other.getClass() == getClass()
                && Arrays.equals(sendersOpen, ((ChannelModel) other).sendersOpen)
                && Arrays.equals(receiversOpen, ((ChannelModel) other).receiversOpen)
                && contents().equals(((ChannelModel) other).contents());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(Arrays.hashCode(sendersOpen), Arrays.hashCode(receiversOpen), contents());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[senders=" + Arrays.toString(sendersOpen)
                + ", receivers=" + Arrays.toString(receiversOpen) + ", " + contents() + "]";
    }

    /**
     * A buffered channel ({@link ArrayFlavor}, {@link LinkedFlavor}): a FIFO queue of at most
     * {@code capacity} values.
     */
    public abstract static class Buffered extends ChannelModel {

        private final int capacity;

        /** The values sent and not yet received, oldest first. */
        private final ArrayDeque<Integer> buffer = new ArrayDeque<>();

        Buffered(int capacity) {
            this.capacity = capacity;
        }

        /** A new, empty state of the same kind (the concrete class has the capacity). */
        abstract Buffered empty();

        @Override
        final ChannelModel copy() {
            Buffered copy = empty();
            copy.copyHandles(this);
            copy.buffer.addAll(buffer);
            return copy;
        }

        @Override
        final Object contents() {
            return Arrays.asList(buffer.toArray());
        }

        @Override
        public final Object trySend(int handle, int value) {
            return offer(handle, value, FULL);
        }

        @Override
        public final Object send(int handle, int value) {
            return offer(handle, value, BLOCKED);
        }

        @Override
        public final Object sendTimed(int handle, int value) {
            return offer(handle, value, TIMEOUT);
        }

        @Override
        public final Object tryRecv(int handle) {
            return poll(handle, EMPTY);
        }

        @Override
        public final Object recv(int handle) {
            return poll(handle, BLOCKED);
        }

        @Override
        public final Object recvTimed(int handle) {
            return poll(handle, TIMEOUT);
        }

        @Override
        final void dropBuffered() {
            buffer.clear();
        }

        private Object offer(int handle, int value, String whenFull) {
            if (!sendersOpen[handle]) {
                return HANDLE_CLOSED;
            }
            if (receiversGone()) {
                return DISCONNECTED;
            }
            if (buffer.size() == capacity) {
                return whenFull;
            }
            buffer.addLast(value);
            return SENT;
        }

        private Object poll(int handle, String whenEmpty) {
            if (!receiversOpen[handle]) {
                return HANDLE_CLOSED;
            }
            if (!buffer.isEmpty()) {
                return buffer.removeFirst();
            }
            return sendersGone() ? DISCONNECTED : whenEmpty;
        }
    }

    /**
     * A rendezvous ({@link ZeroFlavor}): no buffer. A send and the receive that takes its value
     * take effect together; here the send hands the value over ({@link #awaitsReceiver()}) and
     * the receive must come next.
     *
     * <p>What this cannot specify: whether a {@code trySend} (or a timed {@code send} that runs
     * out) finds a receiver depends on whether a receiver is <em>waiting</em>, that is, on an
     * operation that has begun and not yet taken effect. A sequential object has no such state,
     * and Lincheck's transition system only models it for Kotlin {@code suspend} operations.
     * So those two are left out of the scenarios in which a receiver may be waiting (see
     * {@link #specifies}); when none can be waiting, {@code trySend} is always {@link #FULL}.
     */
    public static final class Rendezvous extends ChannelModel {

        /** The value a send has handed over, which the next operation must receive; or null. */
        private Integer handedOver;

        public Rendezvous() {
        }

        @Override
        ChannelModel copy() {
            Rendezvous copy = new Rendezvous();
            copy.copyHandles(this);
            copy.handedOver = handedOver;
            return copy;
        }

        @Override
        boolean specifies(ChannelScenarios.Kind kind, boolean partnersWait) {
            return !partnersWait
                    || kind != ChannelScenarios.Kind.TRY_SEND && kind != ChannelScenarios.Kind.SEND_TIMED;
        }

        @Override
        boolean awaitsReceiver() {
            return handedOver != null;
        }

        @Override
        Object contents() {
            return String.valueOf(handedOver);
        }

        @Override
        public Object trySend(int handle, int value) {
            if (awaitsReceiver()) {
                return BLOCKED;
            }
            Object refused = refusesSend(handle);
            return refused != null ? refused : FULL; // no receiver waits in a sequential history
        }

        @Override
        public Object send(int handle, int value) {
            if (awaitsReceiver()) {
                return BLOCKED;
            }
            Object refused = refusesSend(handle);
            if (refused != null) {
                return refused;
            }
            handedOver = value;
            return SENT;
        }

        @Override
        public Object sendTimed(int handle, int value) {
            Object tried = trySend(handle, value); // where no receiver can be waiting: specifies
            return tried == FULL ? TIMEOUT : tried;
        }

        @Override
        public Object tryRecv(int handle) {
            return take(handle, EMPTY);
        }

        @Override
        public Object recv(int handle) {
            return take(handle, BLOCKED);
        }

        @Override
        public Object recvTimed(int handle) {
            return take(handle, TIMEOUT);
        }

        @Override
        void dropBuffered() {
            // nothing is buffered
        }

        private Object refusesSend(int handle) {
            if (!sendersOpen[handle]) {
                return HANDLE_CLOSED;
            }
            return receiversGone() ? DISCONNECTED : null;
        }

        private Object take(int handle, String whenNoSender) {
            if (awaitsReceiver()) {
                if (!receiversOpen[handle]) {
                    return BLOCKED; // not the receive that takes the value
                }
                Integer value = handedOver;
                handedOver = null;
                return value;
            }
            if (!receiversOpen[handle]) {
                return HANDLE_CLOSED;
            }
            return sendersGone() ? DISCONNECTED : whenNoSender;
        }
    }
}
