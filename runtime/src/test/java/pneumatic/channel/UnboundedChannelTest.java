package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The channel contract for {@link Channel#unbounded()}, plus what only an unbounded channel does. */
class UnboundedChannelTest extends ChannelContractTest {

    @Override
    <T> Channel<T> newChannel() {
        return Channel.unbounded();
    }

    @Override
    int room() {
        return UNLIMITED;
    }

    @Test
    void sendNeverBlocksEvenWithoutAReceiver() throws Exception {
        Channel<Integer> ch = Channel.unbounded();
        Sender<Integer> tx = ch.sender();
        int count = 100_000; // thousands of blocks of the linked storage
        for (int i = 0; i < count; i++) {
            tx.send(i); // a limit anywhere would make this wait forever: nobody is receiving
        }
        tx.close();
        int expected = 0;
        for (int value : ch.receiver()) {
            assertEquals(expected++, value);
        }
        assertEquals(count, expected);
    }

    @Test
    void trySendAndTimedSendAlwaysSucceedWhileConnected() {
        Channel<Integer> ch = Channel.unbounded();
        Sender<Integer> tx = ch.sender();
        for (int i = 0; i < 10_000; i += 2) {
            assertTrue(tx.trySend(i), "trySend of " + i);
            assertTrue(assertDoesNotBlock(tx, i + 1), "send(T, ZERO) of " + (i + 1));
        }
        tx.close();
        assertEquals(range(0, 10_000), collect(ch.receiver()));
    }

    private static boolean assertDoesNotBlock(Sender<Integer> tx, int value) {
        try {
            return tx.send(value, Duration.ZERO);
        } catch (InterruptedException e) {
            throw new AssertionError("a send that does not wait was interrupted", e);
        }
    }
}
