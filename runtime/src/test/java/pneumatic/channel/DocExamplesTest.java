package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Every example in this package's Javadoc, run as written (Java 17 has no {@code @snippet}, so
 * this class is what keeps the examples true). Printing is replaced by collecting.
 */
class DocExamplesTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void packageHelloWorldReceivesTheProducersMessage() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<String> ch = Channel.unbounded();
            Sender<String> tx = ch.sender();
            Receiver<String> rx = ch.receiver();

            Thread producer = new Thread(() -> {
                try (tx) {
                    tx.send("hello from " + Thread.currentThread().getName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "producer");
            producer.start();
            assertEquals("hello from producer", rx.recv());
            producer.join();
        });
    }

    @Test
    void packageSharingSendersEndsWhenTheLastProducerIsDone() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<Integer> ch = Channel.unbounded();
            Sender<Integer> tx = ch.sender();
            for (int id = 0; id < 3; id++) {
                Sender<Integer> mine = tx.clone();
                int value = id;
                new Thread(() -> {
                    try (mine) {
                        mine.send(value);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start();
            }
            tx.close();
            List<Integer> seen = new ArrayList<>();
            for (int value : ch.receiver()) {
                seen.add(value);
            }
            seen.sort(null);
            assertEquals(List.of(0, 1, 2), seen);
        });
    }

    @Test
    void channelClassExamplePrintsHelloThenEnds() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<String> ch = Channel.bounded(2);
            Sender<String> tx = ch.sender();
            Receiver<String> rx = ch.receiver();

            new Thread(() -> {
                try (tx) {
                    tx.send("hello");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).start();

            List<String> printed = new ArrayList<>();
            for (String message : rx) {
                printed.add(message);
            }
            assertEquals(List.of("hello"), printed);
        });
    }

    @Test
    void unboundedSendNeverBlocks() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<Integer> ch = Channel.unbounded();
            for (int i = 0; i < 1_000; i++) {
                ch.sender().send(i);
            }
            assertEquals(Optional.of(0), ch.receiver().tryRecv());
        });
    }

    @Test
    void boundedOfOneRefusesASecondValue() throws InterruptedException {
        Channel<String> ch = Channel.bounded(1);
        ch.sender().send("a");
        boolean sent = ch.sender().trySend("b");
        assertFalse(sent);
    }

    @Test
    void rendezvousSendReturnsOnceTheReceiverHasIt() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<String> ch = Channel.rendezvous();
            ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
            Thread receiving = new Thread(() -> {
                try {
                    taken.add(ch.receiver().recv());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            receiving.start();
            ch.sender().send("ping");
            receiving.join();
            assertEquals(List.of("ping"), List.copyOf(taken));
        });
    }

    @Test
    void disconnectedExampleDeliversTheLastValueThenThrows() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        Receiver<String> rx = ch.receiver();
        ch.sender().send("last");
        ch.sender().close();
        assertEquals("last", rx.recv());
        assertThrows(DisconnectedException.class, rx::recv);
    }

    @Test
    void senderClassExampleSumsThreeProducers() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<Integer> ch = Channel.unbounded();
            Sender<Integer> tx = ch.sender();
            for (int id = 0; id < 3; id++) {
                Sender<Integer> mine = tx.clone();
                int value = id;
                new Thread(() -> {
                    try (mine) {
                        mine.send(value);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start();
            }
            tx.close();
            int sum = 0;
            for (int value : ch.receiver()) {
                sum += value;
            }
            assertEquals(0 + 1 + 2, sum);
        });
    }

    @Test
    void sendOnBoundedOfOneReturnsWhileThereIsRoom() throws InterruptedException {
        Channel<String> ch = Channel.bounded(1);
        ch.sender().send("first");
        assertFalse(ch.sender().trySend("second"), "a second send would wait");
        assertEquals("first", ch.receiver().recv());
    }

    @Test
    void trySendExampleSendsThenRefuses() {
        Channel<String> ch = Channel.bounded(1);
        assertTrue(ch.sender().trySend("a"));
        assertFalse(ch.sender().trySend("b"));
    }

    @Test
    void timedSendExampleGivesUpWhenStillFull() throws InterruptedException {
        Channel<String> ch = Channel.bounded(1);
        ch.sender().send("a");
        assertFalse(ch.sender().send("b", Duration.ofMillis(10)));
    }

    @Test
    void cloneExampleKeepsTheChannelConnected() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        Sender<String> tx = ch.sender();
        Sender<String> tx2 = tx.clone();
        tx.close();
        tx2.send("still connected");
        tx2.close();
        assertEquals("still connected", ch.receiver().recv());
        assertThrows(DisconnectedException.class, () -> ch.receiver().recv());
    }

    @Test
    void receiverClassExampleIteratesInOrderAndEnds() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        ch.sender().send("a");
        ch.sender().send("b");
        ch.sender().close();
        List<String> printed = new ArrayList<>();
        for (String s : ch.receiver()) {
            printed.add(s);
        }
        assertEquals(List.of("a", "b"), printed);
    }

    @Test
    void receiveExamplesWaitTryAndTimeOut() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        Receiver<String> rx = ch.receiver();
        ch.sender().send("x");
        String next = rx.recv();
        assertEquals("x", next);
        Optional<String> maybe = rx.tryRecv();
        assertEquals(Optional.empty(), maybe);
        Optional<String> timed = rx.recv(Duration.ofMillis(100));
        assertEquals(Optional.empty(), timed);
    }

    @Test
    void streamExampleSumsLengthsUntilTheEnd() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        Receiver<String> rx = ch.receiver();
        ch.sender().send("ab");
        ch.sender().send("cde");
        ch.sender().close();
        int total = rx.stream().mapToInt(String::length).sum();
        assertEquals(5, total);
    }

    @Test
    void drainToExampleTakesABatchOrWaitsForOne() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<String> ch = Channel.unbounded();
            Receiver<String> rx = ch.receiver();
            ch.sender().send("a");
            ch.sender().send("b");
            List<String> batch = new ArrayList<>();
            if (rx.drainTo(batch, 64) == 0) {
                batch.add(rx.recv());
            }
            assertEquals(List.of("a", "b"), batch);

            batch.clear();
            new Thread(() -> {
                try {
                    ch.sender().send("c");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).start();
            if (rx.drainTo(batch, 64) == 0) { // most likely nothing yet: wait for one
                batch.add(rx.recv());
            }
            assertEquals(List.of("c"), batch);
        });
    }

    @Test
    void isClosedExamplesTellAHandleIsClosed() {
        Channel<String> ch = Channel.unbounded();
        Sender<String> tx = ch.sender();
        Receiver<String> rx = ch.receiver();
        assertFalse(tx.isClosed());
        tx.close();
        assertTrue(tx.isClosed());
        assertFalse(rx.isClosed());
        rx.close();
        assertTrue(rx.isClosed());
    }

    @Test
    void receiverCloneExampleSharesTheJobs() throws InterruptedException {
        Channel<Integer> ch = Channel.unbounded();
        Receiver<Integer> rx = ch.receiver();
        Receiver<Integer> worker2 = rx.clone();
        ch.sender().send(1);
        ch.sender().send(2);
        ch.sender().close();
        assertEquals(1, rx.recv());
        assertEquals(2, worker2.recv());
        assertThrows(DisconnectedException.class, rx::recv);
        assertThrows(DisconnectedException.class, worker2::recv);
    }

    @Test
    void channelSenderExampleEndsTheStreamWhenTheOnlySenderCloses() throws InterruptedException {
        Channel<String> ch = Channel.bounded(8);
        assertTrue(ch.sender() == ch.sender(), "the same original every call");
        try (Sender<String> tx = ch.sender()) {
            tx.send("only message");
        }
        List<String> got = ch.receiver().stream().toList();
        assertEquals(List.of("only message"), got);
    }

    @Test
    void channelReceiverExampleGivesEachValueToOneConsumer() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        Receiver<String> first = ch.receiver();
        Receiver<String> second = first.clone();
        assertTrue(ch.receiver() == first, "the same original every call");
        ch.sender().send("a");
        ch.sender().send("b");
        ch.sender().close();
        List<String> got = new ArrayList<>(first.recv(Duration.ZERO).stream().toList());
        got.addAll(second.recv(Duration.ZERO).stream().toList());
        assertEquals(List.of("a", "b"), got);
        assertThrows(DisconnectedException.class, first::tryRecv);
        assertThrows(DisconnectedException.class, second::tryRecv);
    }

    @Test
    void senderCloseExampleDeliversTheLastWordsThenEnds() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        try (Sender<String> tx = ch.sender()) {
            tx.send("last words");
        }
        List<String> handled = new ArrayList<>();
        for (String s : ch.receiver()) {
            handled.add(s);
        }
        assertEquals(List.of("last words"), handled);
    }

    @Test
    void receiverCloseExampleDropsWhatIsBufferedAndRefusesLaterSends() throws InterruptedException {
        Channel<String> ch = Channel.unbounded();
        ch.sender().send("never read");
        ch.receiver().close();
        assertEquals("Channel[unbounded, senders=1, receivers=0]", ch.toString());
        assertThrows(DisconnectedException.class, () -> ch.sender().send("too late"));
    }

    @Test
    void disconnectedExceptionExampleCarriesItsMessage() {
        boolean finished = true; // the example's feed.isFinished()
        DisconnectedException thrown = assertThrows(DisconnectedException.class, () -> {
            if (finished) {
                throw new DisconnectedException("the feed has ended; stop receiving");
            }
        });
        assertEquals("the feed has ended; stop receiving", thrown.getMessage());
    }
}
