package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Receiver#drainTo}: what it takes, in what order, and how it ends, on every flavor. */
class DrainToTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    /** A flavor that can buffer, by name. */
    private record Buffered(String name, Supplier<Channel<Integer>> channel) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Buffered> buffered() {
        return Stream.of(new Buffered("unbounded", Channel::unbounded),
                new Buffered("bounded(1)", () -> Channel.bounded(1)),
                new Buffered("bounded(4)", () -> Channel.bounded(4)),
                new Buffered("bounded(1024)", () -> Channel.bounded(1024)));
    }

    private static int room(Channel<Integer> channel) {
        int sent = 0;
        while (sent < 1000 && channel.sender().trySend(sent)) {
            sent++;
        }
        return sent;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buffered")
    void takesWhatIsThereInOrderUpToMax(Buffered flavor) {
        Channel<Integer> channel = flavor.channel().get();
        int buffered = room(channel); // 0, 1, ... buffered-1
        List<Integer> into = new ArrayList<>();
        int max = Math.max(1, buffered / 2);
        assertEquals(max, channel.receiver().drainTo(into, max));
        assertEquals(channel.receiver().drainTo(into, Integer.MAX_VALUE), buffered - max);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < buffered; i++) {
            expected.add(i);
        }
        assertEquals(expected, into);
        assertEquals(0, channel.receiver().drainTo(into, 10), "nothing is there now");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buffered")
    void takesNothingForAMaxOfZeroOrLess(Buffered flavor) {
        Channel<Integer> channel = flavor.channel().get();
        channel.sender().trySend(7);
        List<Integer> into = new ArrayList<>();
        assertEquals(0, channel.receiver().drainTo(into, 0));
        assertEquals(0, channel.receiver().drainTo(into, -5));
        assertEquals(List.of(), into);
        assertEquals(1, channel.receiver().drainTo(into, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buffered")
    void deliversWhatIsLeftThenThrowsAtTheEnd(Buffered flavor) {
        Channel<Integer> channel = flavor.channel().get();
        channel.sender().trySend(1);
        channel.sender().close();
        List<Integer> into = new ArrayList<>();
        assertEquals(1, channel.receiver().drainTo(into, 10));
        assertThrows(DisconnectedException.class, () -> channel.receiver().drainTo(into, 10));
        assertEquals(List.of(1), into);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buffered")
    void aCollectionThatThrowsLeavesTheChannelWorking(Buffered flavor) {
        Channel<Integer> channel = flavor.channel().get();
        int buffered = room(channel); // 0, 1, ... buffered-1
        int failAt = Math.min(1, buffered - 1);
        List<Integer> into = new ArrayList<>() {
            @Override
            public boolean add(Integer value) {
                if (value == failAt) {
                    throw new IllegalStateException("no room for " + value);
                }
                return super.add(value);
            }
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> channel.receiver().drainTo(into, Integer.MAX_VALUE));
        assertEquals("no room for " + failAt, thrown.getMessage(), "the collection's own exception");
        List<Integer> before = new ArrayList<>();
        for (int i = 0; i < failAt; i++) {
            before.add(i);
        }
        assertEquals(before, into, "what was added before the failure stays added");

        // The values taken but not added are gone (drainTo says so); whatever the flavor left
        // in the channel is still there, in order, and every slot is free again afterwards.
        List<Integer> left = new ArrayList<>();
        channel.receiver().drainTo(left, Integer.MAX_VALUE);
        for (int i = 0; i < left.size(); i++) {
            assertEquals(buffered - left.size() + i, left.get(i), "left over: " + left);
        }
        assertTimeoutPreemptively(BOUND, () -> assertEquals(buffered, room(channel), "room after the failure"));
        List<Integer> again = new ArrayList<>();
        assertEquals(buffered, channel.receiver().drainTo(again, Integer.MAX_VALUE));
        assertEquals(0, again.get(0));
        assertEquals(buffered - 1, again.get(buffered - 1));
    }

    @Test
    void aClosedHandleOrANullCollectionIsRejected() {
        Channel<Integer> channel = Channel.bounded(2);
        assertThrows(NullPointerException.class, () -> channel.receiver().drainTo(null, 1));
        channel.receiver().close();
        assertThrows(IllegalStateException.class, () -> channel.receiver().drainTo(new ArrayList<>(), 1));
    }

    /**
     * A real storage whose drain first waits until the test lets it go on: a drainTo stopped just
     * after its receiver has checked that the handle is open, where another thread may close it.
     */
    private static final class DrainPausedAtStart extends Flavor<Integer> {
        final Flavor<Integer> storage;
        final CountDownLatch draining = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);

        DrainPausedAtStart(Flavor<Integer> storage) {
            this.storage = storage;
        }

        @Override
        int drain(Collection<? super Integer> into, int max) {
            draining.countDown();
            try {
                goOn.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return storage.drain(into, max);
        }

        @Override
        int trySend(Integer value) {
            return storage.trySend(value);
        }

        @Override
        int send(Integer value, long nanos) throws InterruptedException {
            return storage.send(value, nanos);
        }

        @Override
        Object tryRecv() {
            return storage.tryRecv();
        }

        @Override
        Object recv(long nanos) throws InterruptedException {
            return storage.recv(nanos);
        }

        @Override
        boolean hasWaiters() {
            return storage.hasWaiters();
        }

        @Override
        void disconnectSenders() {
            storage.disconnectSenders();
        }

        @Override
        void disconnectReceivers() {
            storage.disconnectReceivers();
        }
    }

    static Stream<String> storages() {
        return Stream.of("unbounded", "bounded(2)", "rendezvous");
    }

    /**
     * Another thread closes the last receiver while a drainTo through it is under way, and the
     * sender is still open: as tryRecv in that position does, the drain reports that its handle
     * is closed, not an end of the stream that no sender made. (Unstaged, with a thread draining
     * an empty channel in a loop while another closes it, the drain threw DisconnectedException
     * in about 1 to 3 rounds of 100 on two cores.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void aDrainWhoseHandleAnotherThreadClosesMeanwhileReportsTheClosedHandleNotTheEnd(String kind) {
        assertTimeoutPreemptively(BOUND, () -> {
            DrainPausedAtStart flavor = new DrainPausedAtStart(switch (kind) {
                case "unbounded" -> new LinkedFlavor<>();
                case "bounded(2)" -> new ArrayFlavor<>(2);
                default -> new ZeroFlavor<>();
            });
            Connection<Integer> connection = new Connection<>(flavor, kind);
            Sender<Integer> tx = new Sender<>(connection);
            Receiver<Integer> rx = new Receiver<>(connection);
            Background<Integer> draining = Background.start("draining", () -> rx.drainTo(new ArrayList<>(), 8));
            flavor.draining.await(); // past the check that rx is open
            rx.close(); // the last receiver: the channel is disconnected under the drain
            flavor.goOn.countDown();
            draining.failure(IllegalStateException.class);
            assertFalse(tx.isClosed(), "the sender never ended the stream");
            tx.close();
        });
    }

    /**
     * Every slot of a batch is handed back before the first value reaches the collection, whose
     * add here fills the channel again from the same thread: with the batch's second slot still
     * claimed while the first value is added, the second trySend would spin for it forever.
     */
    @Test
    void theCollectionMaySendOnTheChannelWhileItIsDrained() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<Integer> channel = Channel.bounded(2);
            Sender<Integer> tx = channel.sender();
            tx.send(1);
            tx.send(2);
            List<Boolean> sent = new ArrayList<>();
            List<Integer> into = new ArrayList<>() {
                @Override
                public boolean add(Integer value) {
                    if (value == 1) { // both slots are free again: no wait, and room for two
                        sent.add(tx.trySend(10));
                        sent.add(tx.trySend(11));
                    }
                    return super.add(value);
                }
            };
            assertEquals(2, channel.receiver().drainTo(into, 2));
            assertEquals(List.of(1, 2), into);
            assertEquals(List.of(true, true), sent);
            assertEquals(Optional.of(10), channel.receiver().tryRecv());
            assertEquals(Optional.of(11), channel.receiver().tryRecv());
        });
    }

    /** A drain from inside the collection's add gets its own values, not the outer drain's. */
    @Test
    void aDrainInsideTheCollectionOfAnotherDrainKeepsBothApart() throws InterruptedException {
        Channel<Integer> outer = Channel.bounded(4);
        Channel<Integer> inner = Channel.bounded(4);
        for (int i = 1; i <= 3; i++) {
            outer.sender().send(i);
            inner.sender().send(100 + i);
        }
        List<Integer> innerValues = new ArrayList<>();
        List<Integer> into = new ArrayList<>() {
            @Override
            public boolean add(Integer value) {
                inner.receiver().drainTo(innerValues, 1);
                return super.add(value);
            }
        };
        assertEquals(3, outer.receiver().drainTo(into, 4));
        assertEquals(List.of(1, 2, 3), into);
        assertEquals(List.of(101, 102, 103), innerValues);
    }

    @Test
    void aBatchAcrossTheEndOfTheRingKeepsOrder() {
        Channel<Integer> channel = Channel.bounded(4);
        List<Integer> into = new ArrayList<>();
        int next = 0;
        for (int lap = 0; lap < 50; lap++) { // head and tail wrap around the 4 slots many times
            for (int i = 1 + lap % 4; i > 0 && channel.sender().trySend(next); i--) {
                next++;
            }
            channel.receiver().drainTo(into, 1 + lap % 3);
        }
        channel.sender().close();
        while (true) {
            try {
                channel.receiver().drainTo(into, 3);
            } catch (DisconnectedException end) {
                break;
            }
        }
        for (int i = 0; i < next; i++) {
            assertEquals(i, into.get(i));
        }
        assertEquals(next, into.size());
    }

    @Test
    void aRendezvousTakesTheValueOfAWaitingSender() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<Integer> channel = Channel.rendezvous();
            List<Integer> into = new ArrayList<>();
            assertEquals(0, channel.receiver().drainTo(into, 5), "no sender is waiting");
            Thread sender = new Thread(() -> {
                try {
                    channel.sender().send(42);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            sender.start();
            while (channel.receiver().drainTo(into, 5) == 0) {
                Thread.onSpinWait();
            }
            sender.join();
            assertEquals(List.of(42), into);
        });
    }

    /**
     * Producers send numbered values while consumers take them with a random mix of batches and
     * single receives: each value arrives once, and each consumer sees each producer's values in
     * order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("buffered")
    void competingBatchesTakeEveryValueOnceAndInEachProducersOrder(Buffered flavor) {
        long seed = System.nanoTime();
        assertTimeoutPreemptively(BOUND, () -> {
            int producers = 3;
            int perProducer = 20_000;
            Channel<Integer> channel = flavor.channel().get();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                Sender<Integer> mine = channel.sender().clone();
                int id = p;
                threads.add(new Thread(() -> {
                    try (mine) {
                        for (int i = 0; i < perProducer; i++) {
                            mine.send(id * perProducer + i);
                        }
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            channel.sender().close();
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            List<String> problems = new CopyOnWriteArrayList<>();
            for (int c = 0; c < 2; c++) {
                Receiver<Integer> mine = channel.receiver().clone();
                Random random = new Random(seed + c);
                threads.add(new Thread(() -> {
                    int[] last = {-1, -1, -1};
                    List<Integer> batch = new ArrayList<>();
                    try (mine) {
                        while (true) {
                            batch.clear();
                            if (random.nextBoolean() || mine.drainTo(batch, 1 + random.nextInt(64)) == 0) {
                                batch.add(mine.recv());
                            }
                            for (int value : batch) {
                                int producer = value / perProducer;
                                if (value <= last[producer]) {
                                    problems.add(value + " after " + last[producer]);
                                }
                                last[producer] = value;
                                if (!seen.add(value)) {
                                    problems.add("duplicate " + value);
                                }
                            }
                        }
                    } catch (DisconnectedException end) {
                        // every producer is done and the channel is drained
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), problems, "seed " + seed);
            Set<Integer> expected = new HashSet<>();
            for (int i = 0; i < producers * perProducer; i++) {
                expected.add(i);
            }
            assertTrue(seen.equals(expected), "seed " + seed + ": " + (expected.size() - seen.size()) + " values lost");
        }, "seed " + seed);
    }
}
