package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What a user reads: every exception this package throws says what happened and what to do, and
 * {@code toString()} shows the kind of channel and its open handles as the Javadoc promises.
 */
class MessagesTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** The message of what {@code call} throws, which must be of that type. */
    private static String messageOf(Class<? extends Throwable> type, Executable call) {
        String message = assertThrows(type, call).getMessage();
        assertTrue(message != null && !message.isBlank(), type.getSimpleName() + " without a message");
        return message;
    }

    private static void assertSays(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "\"" + message + "\" does not say \"" + part + "\"");
        }
    }

    @Test
    void aNegativeCapacitySaysWhatIsAllowedAndWhatToUseInstead() {
        assertEquals("capacity must be 0 (a rendezvous) or more, but was -3;"
                        + " for a channel without a limit use Channel.unbounded()",
                messageOf(IllegalArgumentException.class, () -> Channel.bounded(-3)));
    }

    @Test
    void aNullValueSaysChannelsCarryNonNullValuesAndSuggestsOptional() {
        Sender<String> tx = Channel.<String>bounded(2).sender();
        for (Executable call : new Executable[] {
                () -> tx.send(null), () -> tx.trySend(null), () -> tx.send(null, Duration.ofSeconds(1))}) {
            assertSays(messageOf(NullPointerException.class, call), "only non-null values", "java.util.Optional");
        }
    }

    @Test
    void aNullTimeoutSaysWhatToPass() {
        Channel<String> ch = Channel.bounded(2);
        for (Executable call : new Executable[] {
                () -> ch.sender().send("x", null), () -> ch.receiver().recv(null)}) {
            assertSays(messageOf(NullPointerException.class, call), "timeout is null", "Duration.ofSeconds(1)");
        }
    }

    @Test
    void aClosedSenderSaysWhatItRefusedHowToKeepAHandleAndThatAStepNeverClosesItsOwn() {
        Sender<String> tx = Channel.<String>bounded(2).sender();
        Sender<String> kept = tx.clone();
        tx.close();
        assertEquals("this Sender is closed, so it cannot send; use a handle that is still open (clone() one"
                        + " before closing this one); a Sender that a pipeline hands to a step belongs to the run:"
                        + " the step sends on it and never closes it",
                messageOf(IllegalStateException.class, () -> tx.send("x")));
        assertSays(messageOf(IllegalStateException.class, () -> tx.trySend("x")), "Sender is closed");
        assertSays(messageOf(IllegalStateException.class, () -> tx.send("x", Duration.ZERO)), "Sender is closed");
        assertSays(messageOf(IllegalStateException.class, tx::clone),
                "this Sender is closed, so it cannot clone()");
        kept.close();
    }

    @Test
    void aClosedReceiverSaysWhichOperationItRefused() {
        Receiver<String> rx = Channel.<String>bounded(2).receiver();
        rx.close();
        assertSays(messageOf(IllegalStateException.class, rx::recv), "this Receiver is closed, so it cannot recv()");
        assertSays(messageOf(IllegalStateException.class, rx::tryRecv), "cannot tryRecv()");
        assertSays(messageOf(IllegalStateException.class, () -> rx.recv(Duration.ZERO)), "cannot recv(Duration)");
        assertSays(messageOf(IllegalStateException.class, () -> rx.drainTo(new ArrayList<>(), 1)), "cannot drainTo");
        assertSays(messageOf(IllegalStateException.class, () -> rx.iterator().hasNext()), "cannot iterate");
        String cloned = messageOf(IllegalStateException.class, rx::clone);
        assertSays(cloned, "cannot clone()", "use a handle that is still open");
        assertFalse(cloned.contains("step"), "a pipeline hands a step no Receiver: " + cloned);
    }

    @Test
    void sendingWithNoReceiverLeftSaysTheValueWasNotDeliveredAndToStop() {
        for (Channel<String> ch : List.of(Channel.<String>unbounded(), Channel.<String>bounded(2), Channel.<String>rendezvous())) {
            ch.receiver().close();
            assertSays(messageOf(DisconnectedException.class, () -> ch.sender().send("x")),
                    "every Receiver of this channel is closed", "not delivered", "stop sending");
            assertSays(messageOf(DisconnectedException.class, () -> ch.sender().trySend("x")), "not delivered");
        }
    }

    @Test
    void receivingAfterTheEndSaysTheStreamHasEndedAndHowToStopWithoutAnException() {
        for (Channel<String> ch : List.of(Channel.<String>unbounded(), Channel.<String>bounded(2), Channel.<String>rendezvous())) {
            ch.sender().close();
            assertSays(messageOf(DisconnectedException.class, () -> ch.receiver().recv()),
                    "every Sender of this channel is closed and no value is left", "for (T x : receiver)");
            assertSays(messageOf(DisconnectedException.class, () -> ch.receiver().tryRecv()), "the stream has ended");
        }
    }

    @Test
    void anInterruptedIterationSaysTheStatusIsSetAgainAndWhatToCallInstead() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<String> ch = Channel.bounded(2);
            Thread.currentThread().interrupt();
            try {
                assertSays(messageOf(CancellationException.class, () -> ch.receiver().iterator().hasNext()),
                        "interrupted while iterating", "interrupt status is set again", "Call recv() instead");
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt status is kept");
            }
        });
    }

    @Test
    void toStringShowsTheKindAndTheOpenHandlesAsTheyComeAndGo() {
        Channel<String> ch = Channel.bounded(2);
        assertEquals("Channel[bounded(2), senders=1, receivers=1]", ch.toString());
        Sender<String> tx2 = ch.sender().clone();
        Receiver<String> rx2 = ch.receiver().clone();
        assertEquals("Channel[bounded(2), senders=2, receivers=2]", ch.toString());
        tx2.close();
        tx2.close(); // a second close of one handle never counts twice
        assertEquals("Sender[closed, Channel[bounded(2), senders=1, receivers=2]]", tx2.toString());
        assertEquals("Sender[open, Channel[bounded(2), senders=1, receivers=2]]", ch.sender().toString());
        rx2.close();
        assertEquals("Receiver[open, Channel[bounded(2), senders=1, receivers=1]]", ch.receiver().toString());
        ch.receiver().close();
        assertEquals("Receiver[closed, Channel[bounded(2), senders=1, receivers=0]]", ch.receiver().toString());

        assertEquals("Channel[unbounded, senders=1, receivers=1]", Channel.unbounded().toString());
        assertEquals("Channel[rendezvous, senders=1, receivers=1]", Channel.rendezvous().toString());
        assertEquals("Channel[rendezvous, senders=1, receivers=1]", Channel.bounded(0).toString());
    }
}
