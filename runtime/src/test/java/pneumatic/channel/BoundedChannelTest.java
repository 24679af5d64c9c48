package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The channel contract for {@link Channel#bounded(int)}: here with capacity 2, in {@link
 * CapacityOne} with the smallest ring, in {@link LargeCapacity} with one that is never filled by
 * most tests; plus what only a bounded channel does.
 */
class BoundedChannelTest extends ChannelContractTest {

    @Override
    <T> Channel<T> newChannel() {
        return Channel.bounded(2);
    }

    @Override
    int room() {
        return 2;
    }

    @Nested
    class CapacityOne extends ChannelContractTest {

        @Override
        <T> Channel<T> newChannel() {
            return Channel.bounded(1);
        }

        @Override
        int room() {
            return 1;
        }
    }

    @Nested
    class LargeCapacity extends ChannelContractTest {

        @Override
        <T> Channel<T> newChannel() {
            return Channel.bounded(1024);
        }

        @Override
        int room() {
            return 1024;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -2, Integer.MIN_VALUE})
    void boundedRejectsNegativeCapacity(int capacity) {
        assertThrows(IllegalArgumentException.class, () -> Channel.bounded(capacity));
    }

    /** Fills and drains the ring several times, so every slot is reused on later laps. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 1000, 1024})
    void holdsExactlyItsCapacityLapAfterLap(int capacity) {
        Channel<Integer> ch = Channel.bounded(capacity);
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        int next = 0;
        int expected = 0;
        for (int lap = 0; lap < 4; lap++) {
            for (int i = 0; i < capacity; i++) {
                assertTrue(tx.trySend(next++), "lap " + lap + ": value " + i + " of " + capacity + " fits");
            }
            assertFalse(tx.trySend(-1), "lap " + lap + ": full at " + capacity);
            assertEquals(Optional.of(expected++), rx.tryRecv());
            assertTrue(tx.trySend(next++), "lap " + lap + ": taking one makes room for one");
            assertFalse(tx.trySend(-1), "lap " + lap + ": full again");
            for (int i = 0; i < capacity; i++) {
                assertEquals(Optional.of(expected++), rx.tryRecv(), "lap " + lap);
            }
            assertEquals(Optional.empty(), rx.tryRecv(), "lap " + lap + ": empty");
        }
    }
}
