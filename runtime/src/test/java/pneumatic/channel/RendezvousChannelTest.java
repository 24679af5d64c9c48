package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The channel contract for {@link Channel#rendezvous()}, and in {@link BoundedZero} for {@code
 * bounded(0)}, which is the same thing; plus what only a rendezvous does, for both factories.
 */
class RendezvousChannelTest extends ChannelContractTest {

    @Override
    <T> Channel<T> newChannel() {
        return Channel.rendezvous();
    }

    @Override
    int room() {
        return 0;
    }

    @Nested
    class BoundedZero extends ChannelContractTest {

        @Override
        <T> Channel<T> newChannel() {
            return Channel.bounded(0);
        }

        @Override
        int room() {
            return 0;
        }
    }

    static <T> Channel<T> make(String factory) {
        switch (factory) {
            case "rendezvous()":
                return Channel.rendezvous();
            case "bounded(0)":
                return Channel.bounded(0);
            default:
                throw new IllegalArgumentException(factory);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rendezvous()", "bounded(0)"})
    void trySendFailsWithoutAWaitingReceiver(String factory) throws Exception {
        Channel<String> ch = make(factory);
        assertFalse(ch.sender().trySend("nobody"), "nobody is receiving");
        assertEquals(Optional.empty(), ch.receiver().recv(SHORT), "a receiver that came and gave up");
        assertFalse(ch.sender().trySend("still nobody"), "a receiver that gave up is not waiting");
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "nothing was left behind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rendezvous()", "bounded(0)"})
    void tryRecvIsEmptyWithoutAWaitingSender(String factory) throws Exception {
        Channel<String> ch = make(factory);
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "nobody is sending");
        assertFalse(ch.sender().send("gave up", SHORT), "a sender that came and gave up");
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "a sender that gave up left nothing behind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rendezvous()", "bounded(0)"})
    void sendReturnsOnlyOnceAReceiverHasTakenTheValue(String factory) throws Exception {
        Channel<String> ch = make(factory);
        var sending = threads.run("send", () -> ch.sender().send("hand to hand")).awaitBlocked();
        assertTrue(sending.thread().isAlive(), "send waits while nobody has taken the value");
        assertEquals("hand to hand", ch.receiver().recv());
        sending.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rendezvous()", "bounded(0)"})
    void trySendHandsTheValueToAWaitingReceiver(String factory) throws Exception {
        Channel<String> ch = make(factory);
        var receiving = threads.call("recv", ch.receiver()::recv).awaitBlocked();
        assertTrue(ch.sender().trySend("caught"));
        assertEquals("caught", receiving.get());
        assertFalse(ch.sender().trySend("again"), "that receiver is gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rendezvous()", "bounded(0)"})
    void tryRecvTakesTheValueOfEachWaitingSender(String factory) throws Exception {
        Channel<String> ch = make(factory);
        Sender<String> tx2 = ch.sender().clone();
        var first = threads.run("send a", () -> ch.sender().send("a")).awaitBlocked();
        var second = threads.run("send b", () -> tx2.send("b")).awaitBlocked();
        Set<String> taken = new HashSet<>();
        taken.add(ch.receiver().tryRecv().orElseThrow());
        taken.add(ch.receiver().tryRecv().orElseThrow());
        assertEquals(Set.of("a", "b"), taken);
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "both senders are done");
        first.get();
        second.get();
    }

    /** Blocked senders wait in one list, in arrival order, and receivers serve it from the head. */
    @ParameterizedTest
    @ValueSource(strings = {"rendezvous()", "bounded(0)"})
    void waitingSendersAreServedOldestFirst(String factory) throws Exception {
        Channel<String> ch = make(factory);
        List<Background<Void>> senders = new ArrayList<>();
        for (String value : List.of("a", "b", "c")) {
            Sender<String> tx = ch.sender().clone();
            senders.add(threads.run("send " + value, () -> {
                try (tx) {
                    tx.send(value);
                }
            }).awaitBlocked());
        }
        assertEquals("a", ch.receiver().recv());
        assertEquals("b", ch.receiver().tryRecv().orElseThrow());
        assertEquals("c", ch.receiver().recv(SHORT).orElseThrow());
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "every waiting sender was served");
        for (Background<Void> sender : senders) {
            sender.get();
        }
    }

    /**
     * A receiver that gives up leaves the list wherever it is in it (first, in the middle, last),
     * the others keep their order, and one that comes later queues behind them; a sender that
     * comes next serves them all and then finds nobody.
     */
    @ParameterizedTest
    @CsvSource({"rendezvous(), 0", "rendezvous(), 1", "rendezvous(), 2", "bounded(0), 2"})
    void aReceiverThatGivesUpLeavesTheListWhereverItIs(String factory, int leaving) throws Exception {
        Channel<String> ch = make(factory);
        List<Background<String>> receivers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            receivers.add(receiving(ch, "recv " + i));
        }
        Background<String> gone = receivers.remove(leaving);
        gone.interrupt();
        gone.failure(InterruptedException.class);
        receivers.add(receiving(ch, "recv late"));
        assertTrue(ch.sender().trySend("first"));
        assertTrue(ch.sender().trySend("second"));
        assertTrue(ch.sender().trySend("third"), "the late receiver waits behind the others");
        assertFalse(ch.sender().trySend("fourth"), "the receiver that gave up does not take it");
        assertEquals(List.of("first", "second", "third"),
                List.of(receivers.get(0).get(), receivers.get(1).get(), receivers.get(2).get()));
        assertFalse(ch.sender().send("later", SHORT), "nobody is waiting any more");
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "the sender that gave up left nothing");
    }

    /** A thread blocked in recv on a clone of the channel's receiver, which it closes after. */
    private Background<String> receiving(Channel<String> ch, String name) {
        Receiver<String> rx = ch.receiver().clone();
        return threads.call(name, () -> {
            try (rx) {
                return rx.recv();
            }
        }).awaitBlocked();
    }
}
