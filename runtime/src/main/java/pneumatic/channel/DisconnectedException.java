package pneumatic.channel;

/**
 * The other side of the channel is gone: the one signal of disconnection.
 *
 * <p>A {@link Sender} gets it when every {@link Receiver} of the channel is closed (the value it
 * tried to send was not delivered). A {@link Receiver} gets it when every {@code Sender} is closed
 * and every buffered value has been received: the normal end of a stream. "Not now" is never an
 * exception: a full or empty channel, or a timeout, is a return value ({@code false} or an empty
 * {@code Optional}).
 *
 * <pre>{@code
 * Channel<String> ch = Channel.unbounded();
 * Receiver<String> rx = ch.receiver();
 * ch.sender().send("last");
 * ch.sender().close();
 * rx.recv();                   // "last": buffered values are still delivered
 * try {
 *     rx.recv();
 * } catch (DisconnectedException end) {
 *     // every sender is closed and nothing is left
 * }
 * }</pre>
 *
 * <p>It is unchecked, like {@link java.util.NoSuchElementException}: code that iterates a
 * receiver ({@code for (T x : rx)}) never sees it, because iteration simply ends.
 */
public class DisconnectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that says which side is gone and what to do. The
     * channels create it themselves; code that puts a channel-like end in front of another
     * source can throw it too, so that its callers stop the same way:
     *
     * <pre>{@code
     * if (feed.isFinished()) {
     *     throw new DisconnectedException("the feed has ended; stop receiving");
     * }
     * }</pre>
     *
     * @param message the detail message
     */
    public DisconnectedException(String message) {
        super(message);
    }
}
