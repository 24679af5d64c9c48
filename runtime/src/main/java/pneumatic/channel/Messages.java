package pneumatic.channel;

/** Every message this package puts into an exception: what happened, and what to do about it. */
final class Messages {

    private Messages() {}

    static final String NULL_VALUE =
            "a channel carries only non-null values; send a value object instead of null"
                    + " (wrap optional values in java.util.Optional)";

    static final String NULL_TIMEOUT = "timeout is null; pass a Duration such as Duration.ofSeconds(1)";

    static final String SEND_DISCONNECTED =
            "every Receiver of this channel is closed, so the value was not delivered;"
                    + " stop sending: the receiving side has finished or failed";

    static final String RECV_DISCONNECTED =
            "every Sender of this channel is closed and no value is left: the stream has ended;"
                    + " iterate the receiver (for (T x : receiver)) to stop there without an exception";

    static final String ITERATION_ENDED =
            "every Sender of this channel is closed and no value is left: the iteration has ended;"
                    + " call next() only after hasNext() returned true";

    static final String ITERATION_INTERRUPTED =
            "the thread was interrupted while iterating a Receiver; its interrupt status is set again."
                    + " Call recv() instead of iterating to handle InterruptedException yourself";

    /** A leak report; {@code traceProperty} names the property to set, or is null if it is set. */
    static String leaked(String handle, String channel, boolean someoneWaited, String traceProperty) {
        return "a " + handle + " became unreachable without close(), so it was closed by the garbage"
                + " collector" + (someoneWaited ? " while a thread was blocked on the channel" : "")
                + " (now " + channel + "); close every handle you create, with try-with-resources where"
                + " you can" + (traceProperty == null ? "" : ", and run with -D" + traceProperty
                        + "=trace to see where it was created");
    }

    static String negativeCapacity(int capacity) {
        return "capacity must be 0 (a rendezvous) or more, but was " + capacity
                + "; for a channel without a limit use Channel.unbounded()";
    }

    static String tooManyHandles(String handle, int open) {
        return open + " " + handle + " handles of this channel are open, the most it counts, so clone() cannot"
                + " make another; close the handles you no longer use";
    }

    static String closedHandle(String handle, String operation) {
        return "this " + handle + " is closed, so it cannot " + operation
                + "; use a handle that is still open (clone() one before closing this one)";
    }

    /** A closed Sender's message, which also speaks to a step that closed the one its run gave it. */
    static String closedSender(String operation) {
        return closedHandle("Sender", operation) + "; a Sender that a pipeline hands to a step belongs to the run:"
                + " the step sends on it and never closes it";
    }
}
