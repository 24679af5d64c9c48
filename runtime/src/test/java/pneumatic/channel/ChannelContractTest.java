package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The channel contract of API.md section 1, run against every flavor (the shape of JCTools'
 * {@code QueueSanityTest}): a subclass says how to make its channel ({@link #newChannel()}) and
 * how many values fit in it with nobody receiving ({@link #room()}); every expectation that
 * differs between flavors is derived from that one number.
 *
 * <p>Every test runs under a preemptive time-out (the class's {@code @Timeout} in
 * {@code SEPARATE_THREAD} mode is {@code assertTimeoutPreemptively} for each test), so a hang
 * fails the test instead of the build. No test sleeps to let another thread block: it waits
 * until the thread is parked ({@link Background#awaitBlocked()}), then acts. Every thread a test
 * starts is ended after it ({@link BackgroundThreads#endAll()}).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class ChannelContractTest {

    /** The {@link #room()} of a channel without a limit. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    /** A time-out that is meant to run out: nothing will come. */
    static final Duration SHORT = Duration.ofMillis(10);

    /** A time-out that is meant not to run out; the class's time-out ends a hang first. */
    static final Duration LONG = Duration.ofMinutes(10);

    /** The longest {@code Duration} there is: a deadline computed from it naively overflows. */
    static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

    /** Time-outs that mean "a single attempt": zero, and negative ones down to the smallest. */
    static final List<Duration> NO_WAIT =
            List.of(Duration.ZERO, Duration.ofNanos(-1), Duration.ofSeconds(-1), Duration.ofSeconds(Long.MIN_VALUE));

    /** Rounds of each test that races an interrupt against a wake-up. */
    static final int RACE_ROUNDS = 40;

    static final String UNBOUNDED_NEVER_BLOCKS = "an unbounded sender never waits for room";

    final BackgroundThreads threads = new BackgroundThreads();

    /** A new channel of the flavor under test, with its original sender and receiver open. */
    abstract <T> Channel<T> newChannel();

    /**
     * How many values a sender can send with nobody receiving: the capacity of a bounded channel,
     * {@code 0} for a rendezvous, {@link #UNLIMITED} for an unbounded one.
     */
    abstract int room();

    final boolean sendersCanBlock() {
        return room() != UNLIMITED;
    }

    @AfterEach
    void endThreads() {
        threads.endAll();
    }

    // ---------------------------------------------------------------------------------------
    // Handles

    @Test
    void senderAndReceiverAreTheSameObjectOnEveryCall() {
        Channel<String> ch = newChannel();
        assertSame(ch.sender(), ch.sender());
        assertSame(ch.receiver(), ch.receiver());
        ch.sender().close();
        ch.receiver().close();
        assertSame(ch.sender(), ch.sender(), "still the one original handle once it is closed");
        assertSame(ch.receiver(), ch.receiver());
    }

    @Test
    void clonedSenderIsAnOpenHandleOfTheSameChannel() throws Exception {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        Sender<String> tx2 = tx.clone();
        assertNotSame(tx, tx2);
        tx.close();
        transfer(tx2, ch.receiver(), "from the clone");
        Sender<String> tx3 = tx2.clone();
        tx2.close();
        transfer(tx3, ch.receiver(), "from a clone of the clone");
    }

    @Test
    void clonedReceiverIsAnOpenHandleOfTheSameChannel() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        Receiver<String> rx2 = rx.clone();
        assertNotSame(rx, rx2);
        rx.close();
        transfer(ch.sender(), rx2, "to the clone");
        Receiver<String> rx3 = rx2.clone();
        rx2.close();
        transfer(ch.sender(), rx3, "to a clone of the clone");
    }

    @Test
    void closedSenderRejectsEveryOperation() {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        Sender<String> stillOpen = tx.clone(); // keeps the channel connected: only the handle is closed
        tx.close();
        assertAll(
                () -> assertThrows(IllegalStateException.class, () -> tx.send("x")),
                () -> assertThrows(IllegalStateException.class, () -> tx.trySend("x")),
                () -> assertThrows(IllegalStateException.class, () -> tx.send("x", SHORT)),
                () -> assertThrows(IllegalStateException.class, () -> tx.send("x", Duration.ZERO)),
                () -> assertThrows(IllegalStateException.class, tx::clone));
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "a closed handle sent nothing");
        stillOpen.close();
    }

    @Test
    void closedReceiverRejectsEveryOperation() {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        Receiver<String> stillOpen = rx.clone(); // keeps the channel connected: only the handle is closed
        Iterator<String> openedBeforeClosing = rx.iterator();
        rx.close();
        assertAll(
                () -> assertThrows(IllegalStateException.class, rx::recv),
                () -> assertThrows(IllegalStateException.class, rx::tryRecv),
                () -> assertThrows(IllegalStateException.class, () -> rx.recv(SHORT)),
                () -> assertThrows(IllegalStateException.class, () -> rx.recv(Duration.ZERO)),
                () -> assertThrows(IllegalStateException.class, rx::clone),
                () -> assertThrows(IllegalStateException.class, () -> rx.iterator().hasNext()),
                () -> assertThrows(IllegalStateException.class, openedBeforeClosing::hasNext),
                () -> assertThrows(IllegalStateException.class, () -> rx.stream().findFirst()));
        stillOpen.close();
    }

    @Test
    void closingASenderTwiceCountsOnce() throws Exception {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        Receiver<String> rx = ch.receiver();
        Sender<String> tx2 = tx.clone();
        tx.close();
        assertDoesNotThrow(tx::close);
        Runnable closeAgain = tx::close; // compiles: close() declares no checked exception
        closeAgain.run();
        assertEquals(Optional.empty(), rx.tryRecv(), "tx2 is open, so the channel is still connected");
        transfer(tx2, rx, "tx2 still sends");
        tx2.close();
        assertThrows(DisconnectedException.class, rx::tryRecv, "tx2 was the last sender");
        assertDoesNotThrow(tx2::close);
    }

    @Test
    void closingAReceiverTwiceCountsOnce() throws Exception {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        Receiver<String> rx = ch.receiver();
        Receiver<String> rx2 = rx.clone();
        rx.close();
        assertDoesNotThrow(rx::close);
        Runnable closeAgain = rx::close; // compiles: close() declares no checked exception
        closeAgain.run();
        // Had the closes of rx counted twice, the channel would be disconnected and this would throw.
        transfer(tx, rx2, "rx2 is open, so the channel is still connected");
        rx2.close();
        assertThrows(DisconnectedException.class, () -> tx.trySend("x"), "rx2 was the last receiver");
        assertDoesNotThrow(rx2::close);
    }

    @Test
    void channelStaysConnectedUntilEverySenderIsClosed() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        Sender<String> tx2 = ch.sender().clone();
        Sender<String> tx3 = tx2.clone();
        tx2.close();
        ch.sender().close();
        assertEquals(Optional.empty(), rx.tryRecv(), "tx3 is still open");
        assertEquals(Optional.empty(), rx.recv(SHORT), "tx3 is still open");
        transfer(tx3, rx, "last one");
        tx3.close();
        assertThrows(DisconnectedException.class, rx::recv);
    }

    @Test
    void channelStaysConnectedUntilEveryReceiverIsClosed() throws Exception {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        Receiver<String> rx2 = ch.receiver().clone();
        Receiver<String> rx3 = rx2.clone();
        rx2.close();
        ch.receiver().close();
        transfer(tx, rx3, "still connected");
        rx3.close();
        assertThrows(DisconnectedException.class, () -> tx.send("gone"));
    }

    // ---------------------------------------------------------------------------------------
    // Arguments

    @Test
    void sendRejectsNull() {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> tx.send(null)),
                () -> assertThrows(NullPointerException.class, () -> tx.trySend(null)),
                () -> assertThrows(NullPointerException.class, () -> tx.send(null, SHORT)),
                () -> assertThrows(NullPointerException.class, () -> tx.send(null, Duration.ZERO)));
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "null never enters the channel");
    }

    @Test
    void timeoutsRejectNull() {
        Channel<String> ch = newChannel();
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> ch.sender().send("x", null)),
                () -> assertThrows(NullPointerException.class, () -> ch.receiver().recv(null)));
        assertEquals(Optional.empty(), ch.receiver().tryRecv(), "a send with a null timeout sent nothing");
    }

    // ---------------------------------------------------------------------------------------
    // Sending

    @Test
    void sentValueIsReceived() throws Exception {
        Channel<String> ch = newChannel();
        transfer(ch.sender(), ch.receiver(), "hello");
        transfer(ch.sender(), ch.receiver(), "again");
    }

    @Test
    void trySendSucceedsWhileThereIsRoomAndFailsWhenFull() {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        int fits = sendersCanBlock() ? room() : 1_000;
        for (int i = 0; i < fits; i++) {
            assertTrue(tx.trySend(i), "value " + i + " fits in a room of " + room());
        }
        int sent = fits;
        if (sendersCanBlock()) {
            assertFalse(tx.trySend(-1), "full (a rendezvous: no receiver waiting)");
            assertFalse(tx.trySend(-2), "still full");
        } else {
            assertTrue(tx.trySend(sent++), "an unbounded channel always has room");
        }
        tx.close();
        assertEquals(range(0, sent), collect(ch.receiver()), "a refused value never arrives");
    }

    @Test
    void trySendSucceedsWhenAReceiverIsWaiting() throws Exception {
        Channel<String> ch = newChannel();
        var receiving = threads.call("receiver", ch.receiver()::recv).awaitBlocked();
        assertTrue(ch.sender().trySend("taken"), "there is room, or a receiver waiting for the value");
        assertEquals("taken", receiving.get());
    }

    @Test
    void sendBlocksWhileThereIsNoRoomUntilAReceiverTakesAValue() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        fill(tx);
        var sending = threads.run("send(-1)", () -> tx.send(-1)).awaitBlocked();
        List<Integer> received = new ArrayList<>();
        received.add(rx.recv()); // makes room; on a rendezvous, takes -1 itself
        sending.get();
        tx.close();
        received.addAll(collect(rx));
        List<Integer> expected = new ArrayList<>(range(0, room()));
        expected.add(-1);
        assertEquals(expected, received);
    }

    @Test
    void sendWithTimeoutReturnsFalseOnlyWhenNoRoomAppearsInTime() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        int fits = sendersCanBlock() ? room() : 100;
        for (int i = 0; i < fits; i++) {
            assertTrue(tx.send(i, SHORT), "value " + i + " fits");
        }
        int sent = fits;
        if (sendersCanBlock()) {
            assertFalse(tx.send(-1, SHORT), "no room (a rendezvous: no receiver) within the time-out");
        } else {
            assertTrue(tx.send(sent++, SHORT), "an unbounded channel always has room");
        }
        tx.close();
        assertEquals(range(0, sent), collect(ch.receiver()), "a value whose send timed out never arrives");
    }

    @Test
    void sendWithTimeoutSucceedsWhenRoomAppearsInTime() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        fill(tx);
        var sending = threads.call("send(-1, LONG)", () -> tx.send(-1, LONG)).awaitBlocked();
        Integer first = ch.receiver().recv();
        assertTrue(sending.get(), "room appeared in time");
        tx.close();
        List<Integer> received = new ArrayList<>(List.of(first));
        received.addAll(collect(ch.receiver()));
        List<Integer> expected = new ArrayList<>(range(0, room()));
        expected.add(-1);
        assertEquals(expected, received);
    }

    @Test
    void sendWithHugeTimeoutWaitsWithoutOverflowing() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        fill(tx);
        // An overflowed deadline lies in the past: the send would give up at once instead of waiting.
        var sending = threads.call("send(-1, HUGE)", () -> tx.send(-1, HUGE)).awaitBlocked();
        ch.receiver().recv();
        assertTrue(sending.get());
        var secondsOnly = threads.call("send(-2, MAX seconds)", () -> tx.send(-2, Duration.ofSeconds(Long.MAX_VALUE)));
        secondsOnly.awaitBlocked();
        ch.receiver().recv();
        assertTrue(secondsOnly.get());
    }

    @Test
    void zeroOrNegativeSendTimeoutIsASingleAttempt() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        for (Duration timeout : NO_WAIT) {
            var receiving = threads.call("receiver", rx::recv).awaitBlocked();
            assertTrue(tx.send(7, timeout), "the one attempt with " + timeout + " finds the waiting receiver");
            assertEquals(7, receiving.get());
        }
        if (sendersCanBlock()) {
            fill(tx);
            for (Duration timeout : NO_WAIT) {
                assertFalse(tx.send(-1, timeout), "no room, and " + timeout + " means no waiting");
            }
            tx.close();
            assertEquals(range(0, room()), collect(rx), "the refused values never arrive");
        }
    }

    // ---------------------------------------------------------------------------------------
    // The receivers are gone

    @Test
    void sendFailsOnceEveryReceiverIsClosed() {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        ch.receiver().close();
        assertAll(
                () -> assertThrows(DisconnectedException.class, () -> tx.send("x")),
                () -> assertThrows(DisconnectedException.class, () -> tx.trySend("x")),
                () -> assertThrows(DisconnectedException.class, () -> tx.send("x", LONG)),
                () -> assertThrows(DisconnectedException.class, () -> tx.send("x", Duration.ZERO)),
                () -> assertThrows(DisconnectedException.class, () -> tx.clone().send("x")));
    }

    @Test
    void sendToAChannelWithoutReceiversKeepsNoReferenceToTheValue() throws Exception {
        Channel<Object> ch = newChannel();
        if (room() > 0) {
            fill(ch.sender(), Math.min(room(), 5), Object::new);
        }
        ch.receiver().close();
        WeakReference<Object> rejected = failToSendAFreshValue(ch.sender());
        awaitCollected(List.of(rejected), "a value that was not delivered");
        Reference.reachabilityFence(ch);
    }

    @Test
    void closingLastReceiverFailsBlockedSender() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        fill(tx);
        var sending = threads.run("send(-1)", () -> tx.send(-1)).awaitBlocked();
        ch.receiver().close();
        sending.failure(DisconnectedException.class);
        assertThrows(DisconnectedException.class, () -> tx.send(-2), "and so do later senders");
    }

    @Test
    void closingLastReceiverFailsEveryBlockedSender() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        fill(ch.sender());
        Sender<Integer> tx1 = ch.sender().clone();
        Sender<Integer> tx2 = ch.sender().clone();
        Sender<Integer> tx3 = ch.sender().clone();
        Receiver<Integer> rx2 = ch.receiver().clone();
        var untimed = threads.run("send(T)", () -> tx1.send(-1));
        var timed = threads.call("send(T, LONG)", () -> tx2.send(-2, LONG));
        var huge = threads.call("send(T, HUGE)", () -> tx3.send(-3, HUGE));
        untimed.awaitBlocked();
        timed.awaitBlocked();
        huge.awaitBlocked();
        ch.receiver().close();
        rx2.close(); // the last receiver: one close wakes all three
        untimed.failure(DisconnectedException.class);
        timed.failure(DisconnectedException.class);
        huge.failure(DisconnectedException.class);
    }

    /**
     * Threads blocked receiving on the last receiver handle, which another thread closes (as a
     * cancelled pipeline closes its receivers under its workers): the disconnection wakes them
     * too, and each ends, instead of waiting forever, with {@code IllegalStateException}: the
     * handle it waits in was closed (the senders may well still be open, so this is no end of
     * the stream). The iteration over it ends the same way, by {@code hasNext()} throwing.
     */
    @Test
    void closingLastReceiverWakesEveryThreadBlockedReceivingOnIt() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        var untimed = threads.call("recv()", rx::recv);
        var timed = threads.call("recv(LONG)", () -> rx.recv(LONG));
        untimed.awaitBlocked();
        timed.awaitBlocked();
        rx.close(); // from this thread, while two others wait in it
        // Like a send in the same position: the handle they wait in is closed, whatever became
        // of the channel.
        untimed.failure(IllegalStateException.class);
        timed.failure(IllegalStateException.class);
        Channel<String> other = newChannel();
        Receiver<String> iterated = other.receiver();
        var iterating = threads.call("iterate", () -> {
            for (String value : iterated) {
                fail("nothing was sent, yet iteration gave " + value);
            }
            return "ended quietly";
        });
        iterating.awaitBlocked();
        iterated.close();
        iterating.failure(IllegalStateException.class);
    }

    @Test
    void closingLastReceiverDiscardsBufferedValues() throws Exception {
        assumeTrue(room() > 0, "a rendezvous buffers nothing");
        Channel<Object> ch = newChannel();
        // More than one block of the unbounded flavor, all of a small ring, part of a large one.
        List<WeakReference<Object>> buffered = fill(ch.sender(), Math.min(room(), 40), Object::new);
        System.gc();
        assertTrue(buffered.stream().allMatch(value -> value.get() != null),
                "while a receiver is open, the channel holds what it buffers");
        ch.receiver().close();
        awaitCollected(buffered, "a value buffered when the last receiver closed");
        assertThrows(DisconnectedException.class, () -> ch.sender().trySend(new Object()));
        Reference.reachabilityFence(ch);
    }

    // ---------------------------------------------------------------------------------------
    // Receiving

    @Test
    void tryRecvIsEmptyWhenNothingIsThere() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        assertEquals(Optional.empty(), rx.tryRecv());
        assertEquals(Optional.empty(), rx.tryRecv());
        transfer(ch.sender(), rx, "one");
        assertEquals(Optional.empty(), rx.tryRecv(), "empty again once it is taken");
    }

    @Test
    void tryRecvTakesAValueThatIsThere() throws Exception {
        Channel<String> ch = newChannel();
        var offering = offer(ch.sender(), "there");
        assertEquals(Optional.of("there"), ch.receiver().tryRecv());
        offering.get();
        assertEquals(Optional.empty(), ch.receiver().tryRecv());
    }

    @Test
    void recvBlocksUntilAValueArrives() throws Exception {
        Channel<String> ch = newChannel();
        var receiving = threads.call("recv()", ch.receiver()::recv).awaitBlocked();
        ch.sender().send("arrived");
        assertEquals("arrived", receiving.get());
    }

    @Test
    void recvWithTimeoutIsEmptyWhenTimeRunsOut() throws Exception {
        Channel<String> ch = newChannel();
        assertEquals(Optional.empty(), ch.receiver().recv(SHORT));
        transfer(ch.sender(), ch.receiver(), "a time-out leaves the channel as it was");
    }

    /**
     * A timed call that times out has waited its whole time-out first. This bounds the
     * monotonic clock from below only, which holds however slow or loaded the machine is; how
     * much longer the call took is never asserted.
     */
    @Test
    void timedCallThatTimesOutHasWaitedItsWholeTimeout() throws Exception {
        Channel<Integer> ch = newChannel();
        long start = System.nanoTime();
        assertEquals(Optional.empty(), ch.receiver().recv(SHORT));
        long waited = System.nanoTime() - start;
        assertTrue(waited >= SHORT.toNanos(), "recv(" + SHORT + ") gave up after " + waited + " ns");
        if (sendersCanBlock()) {
            fill(ch.sender());
            start = System.nanoTime();
            assertFalse(ch.sender().send(-1, SHORT));
            waited = System.nanoTime() - start;
            assertTrue(waited >= SHORT.toNanos(), "send(T, " + SHORT + ") gave up after " + waited + " ns");
        }
    }

    @Test
    void recvWithTimeoutReturnsAValueThatArrivesInTime() throws Exception {
        Channel<String> ch = newChannel();
        var receiving = threads.call("recv(LONG)", () -> ch.receiver().recv(LONG)).awaitBlocked();
        ch.sender().send("in time");
        assertEquals(Optional.of("in time"), receiving.get());
    }

    @Test
    void recvWithHugeTimeoutWaitsWithoutOverflowing() throws Exception {
        Channel<String> ch = newChannel();
        // An overflowed deadline lies in the past: recv would return empty at once instead of waiting.
        var receiving = threads.call("recv(HUGE)", () -> ch.receiver().recv(HUGE)).awaitBlocked();
        ch.sender().send("worth the wait");
        assertEquals(Optional.of("worth the wait"), receiving.get());
        var secondsOnly = threads.call("recv(MAX seconds)", () -> ch.receiver().recv(Duration.ofSeconds(Long.MAX_VALUE)));
        secondsOnly.awaitBlocked();
        ch.sender().send("again");
        assertEquals(Optional.of("again"), secondsOnly.get());
    }

    @Test
    void zeroOrNegativeRecvTimeoutIsASingleAttempt() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        for (Duration timeout : NO_WAIT) {
            assertEquals(Optional.empty(), rx.recv(timeout), "nothing there, and " + timeout + " means no waiting");
            var offering = offer(ch.sender(), "there");
            assertEquals(Optional.of("there"), rx.recv(timeout), "the one attempt with " + timeout + " finds it");
            offering.get();
        }
    }

    // ---------------------------------------------------------------------------------------
    // The senders are gone

    @Test
    void lastSenderCloseDeliversBufferedValuesThenDisconnects() throws Exception {
        Channel<Integer> ch = newChannel();
        Receiver<Integer> rx = ch.receiver();
        int buffered = Math.min(room(), 3);
        fill(ch.sender(), buffered);
        ch.sender().close();
        List<Integer> received = new ArrayList<>();
        if (buffered > 0) {
            received.add(rx.recv());
        }
        if (buffered > 1) {
            received.add(rx.tryRecv().orElseThrow());
        }
        if (buffered > 2) {
            received.add(rx.recv(LONG).orElseThrow());
        }
        assertEquals(range(0, buffered), received, "every buffered value, by every way of receiving");
        for (int again = 0; again < 2; again++) {
            assertAll(
                    () -> assertThrows(DisconnectedException.class, rx::recv),
                    () -> assertThrows(DisconnectedException.class, rx::tryRecv),
                    () -> assertThrows(DisconnectedException.class, () -> rx.recv(LONG)),
                    () -> assertThrows(DisconnectedException.class, () -> rx.recv(Duration.ZERO)),
                    () -> assertThrows(DisconnectedException.class, () -> rx.clone().recv()));
        }
    }

    @Test
    void lastSenderCloseWakesBlockedReceiver() throws Exception {
        Channel<String> ch = newChannel();
        var receiving = threads.call("recv()", ch.receiver()::recv).awaitBlocked();
        ch.sender().close();
        receiving.failure(DisconnectedException.class);
    }

    @Test
    void lastSenderCloseWakesEveryBlockedReceiver() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx1 = ch.receiver();
        Receiver<String> rx2 = rx1.clone();
        Receiver<String> rx3 = rx1.clone();
        Receiver<String> rx4 = rx1.clone();
        Sender<String> tx2 = ch.sender().clone();
        var untimed = threads.call("recv()", rx1::recv);
        var timed = threads.call("recv(LONG)", () -> rx2.recv(LONG));
        var huge = threads.call("recv(HUGE)", () -> rx3.recv(HUGE));
        var iterating = threads.call("iterator().hasNext()", () -> rx4.iterator().hasNext());
        untimed.awaitBlocked();
        timed.awaitBlocked();
        huge.awaitBlocked();
        iterating.awaitBlocked();
        ch.sender().close();
        tx2.close(); // the last sender: one close wakes all four
        untimed.failure(DisconnectedException.class);
        timed.failure(DisconnectedException.class);
        huge.failure(DisconnectedException.class);
        assertFalse(iterating.get(), "iteration ends");
    }

    /**
     * Threads blocked sending on the last sender handle, which another thread closes (a handle is
     * not meant to be shared that way, yet it must not strand them): the disconnection wakes them
     * too, each send fails as a send on a closed handle does, and nothing was sent.
     */
    @Test
    void lastSenderCloseWakesEveryThreadBlockedSendingOnIt() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        fill(tx);
        var untimed = threads.run("send(-1)", () -> tx.send(-1));
        var timed = threads.call("send(-2, LONG)", () -> tx.send(-2, LONG));
        untimed.awaitBlocked();
        timed.awaitBlocked();
        tx.close(); // from this thread, while two others wait in it
        untimed.failure(IllegalStateException.class);
        timed.failure(IllegalStateException.class);
        assertEquals(range(0, room()), collect(ch.receiver()), "the blocked sends sent nothing");
    }

    /**
     * The other side of the test above: another thread closes the handle a send is blocked on,
     * but a clone keeps the channel connected, so the send goes on as if the handle were open.
     * When the receivers then go, it meets their disconnection, and says so, rather than blame
     * a close that disconnected nothing.
     */
    @Test
    void aSendBlockedOnAHandleClosedMeanwhileReportsTheReceiversGoing() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        Sender<Integer> clone = tx.clone();
        fill(tx);
        var untimed = threads.run("send(-1)", () -> tx.send(-1));
        var timed = threads.call("send(-2, LONG)", () -> tx.send(-2, LONG));
        untimed.awaitBlocked();
        timed.awaitBlocked();
        tx.close(); // not the last sender: nobody is woken
        ch.receiver().close();
        untimed.failure(DisconnectedException.class);
        timed.failure(DisconnectedException.class);
        clone.close();
    }

    /**
     * As for a send: another thread closes the handle a receive or an iteration is blocked on,
     * and a clone keeps the channel connected; when the last sender then goes, the blocked calls
     * see the end of the stream, as they would through an open handle.
     */
    @Test
    void aReceiveBlockedOnAHandleClosedMeanwhileSeesTheEndTheSendersMake() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        Receiver<String> clone = rx.clone();
        var untimed = threads.call("recv()", rx::recv);
        var timed = threads.call("recv(LONG)", () -> rx.recv(LONG));
        var iterating = threads.call("iterate", () -> rx.iterator().hasNext());
        untimed.awaitBlocked();
        timed.awaitBlocked();
        iterating.awaitBlocked();
        rx.close(); // not the last receiver: nobody is woken
        ch.sender().close();
        untimed.failure(DisconnectedException.class);
        timed.failure(DisconnectedException.class);
        assertFalse(iterating.get(), "the iteration ends");
        clone.close();
    }

    @Test
    void lastSenderCloseEndsIteration() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        var producing = threads.run("producer", () -> {
            try (tx) {
                for (int i = 0; i < 200; i++) {
                    tx.send(i);
                }
            }
        });
        List<Integer> received = new ArrayList<>();
        Iterator<Integer> values = ch.receiver().iterator();
        while (values.hasNext()) {
            assertTrue(values.hasNext(), "hasNext() again does not consume");
            received.add(values.next());
        }
        producing.get();
        assertEquals(range(0, 200), received);
        assertFalse(values.hasNext(), "the end stays the end");
        assertEquals(Messages.ITERATION_ENDED, assertThrows(NoSuchElementException.class, values::next).getMessage());
        assertFalse(ch.receiver().iterator().hasNext(), "a new iterator ends at once");
    }

    /** The Javadoc: hasNext() throws once the handle is closed, also with a value in hand. */
    @Test
    void hasNextThrowsOnceTheHandleIsClosedEvenWithAValueInHand() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        var producing = threads.run("producer", () -> tx.send(1));
        Receiver<Integer> rx = ch.receiver().clone(); // the original keeps the channel connected
        Iterator<Integer> values = rx.iterator();
        assertTrue(values.hasNext(), "holds 1");
        producing.get();
        rx.close();
        assertThrows(IllegalStateException.class, values::hasNext);
        assertThrows(IllegalStateException.class, values::next);
        tx.close();
    }

    /**
     * A parallel stream does not split: a split takes values in batches of a thousand and more,
     * and would wait for a batch to fill (here, forever) before finding the 2 that has come.
     */
    @Test
    void aParallelStreamTakesOneValueAtATime() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        var producing = threads.run("producer", () -> {
            for (int i = 1; i <= 3; i++) {
                tx.send(i); // and the sender stays open
            }
        });
        var finding = threads.call("parallel stream",
                () -> ch.receiver().stream().parallel().filter(value -> value == 2).findAny());
        assertEquals(Optional.of(2), finding.get());
        assertEquals(3, ch.receiver().recv(), "3 is still in the channel, for any receiver");
        producing.get();
        tx.close();
    }

    @Test
    void lastSenderCloseEndsTheStream() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        var producing = threads.run("producer", () -> {
            try (tx) {
                for (int i = 0; i < 200; i++) {
                    tx.send(i);
                }
            }
        });
        assertEquals(range(0, 200), ch.receiver().stream().collect(Collectors.toList()));
        producing.get();
        assertEquals(0, ch.receiver().stream().count(), "a new stream ends at once");
    }

    @Test
    void iterationWaitsForValuesUntilDisconnection() throws Exception {
        Channel<Integer> ch = newChannel();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        var iterating = threads.run("iterating", () -> {
            for (Integer value : ch.receiver()) {
                seen.add(value);
            }
        });
        iterating.awaitBlocked(); // an empty channel does not end the loop
        ch.sender().send(1);
        ch.sender().send(2);
        iterating.awaitBlocked();
        ch.sender().close();
        iterating.get();
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void streamWaitsForValuesUntilDisconnection() throws Exception {
        Channel<Integer> ch = newChannel();
        var summing = threads.call("stream", () -> ch.receiver().stream().mapToInt(Integer::intValue).sum());
        summing.awaitBlocked();
        ch.sender().send(20);
        ch.sender().send(22);
        summing.awaitBlocked();
        ch.sender().close();
        assertEquals(42, summing.get());
    }

    // ---------------------------------------------------------------------------------------
    // Several producers and consumers

    @Test
    void clonedReceiversCompeteForValues() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx2 = ch.receiver().clone();
        var first = threads.call("consumer 1", () -> collect(ch.receiver()));
        var second = threads.call("consumer 2", () -> collect(rx2));
        var producing = threads.run("producer", () -> {
            try (tx) {
                for (int i = 0; i < 2_000; i++) {
                    tx.send(i);
                }
            }
        });
        producing.get();
        List<Integer> one = first.get();
        List<Integer> two = second.get();
        assertAscending(one, "consumer 1");
        assertAscending(two, "consumer 2");
        Set<Integer> shared = new HashSet<>(one);
        shared.retainAll(two);
        assertEquals(Set.of(), shared, "each value goes to exactly one receiver");
        List<Integer> all = new ArrayList<>(one);
        all.addAll(two);
        all.sort(null);
        assertEquals(range(0, 2_000), all, "and every value goes to one");
    }

    @Test
    void eachProducersValuesArriveInTheOrderItSentThem() throws Exception {
        Channel<Token> ch = newChannel();
        int producers = 3;
        int each = 1_000;
        startProducers(ch, producers, each);
        List<Token> received = collect(ch.receiver());
        assertTokens(List.of(received), producers, each);
    }

    @Test
    void everyValueArrivesExactlyOnceWithSeveralProducersAndConsumers() throws Exception {
        Channel<Token> ch = newChannel();
        int producers = 3;
        int each = 1_000;
        List<Background<List<Token>>> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Receiver<Token> mine = ch.receiver().clone();
            consumers.add(threads.call("consumer " + c, () -> {
                try (mine) {
                    return collect(mine);
                }
            }));
        }
        ch.receiver().close();
        startProducers(ch, producers, each);
        List<List<Token>> received = new ArrayList<>();
        for (var consumer : consumers) {
            received.add(consumer.get());
        }
        assertTokens(received, producers, each);
    }

    @Test
    void singleProducerSingleConsumerKeepsOrder() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        int count = 5_000;
        var producing = threads.run("producer", () -> {
            try (tx) {
                for (int i = 0; i < count; i++) {
                    tx.send(i);
                }
            }
        });
        int expected = 0;
        for (int value : ch.receiver()) {
            assertEquals(expected++, value);
        }
        assertEquals(count, expected);
        producing.get();
    }

    @Test
    void writesBeforeSendAreVisibleAfterRecv() throws Exception {
        Channel<Box> ch = newChannel();
        Sender<Box> tx = ch.sender();
        int count = 2_000;
        var producing = threads.run("producer", () -> {
            try (tx) {
                for (int i = 0; i < count; i++) {
                    tx.send(new Box(i));
                }
            }
        });
        int expected = 0;
        for (Box box : ch.receiver()) {
            box.assertDescribes(expected++);
        }
        assertEquals(count, expected);
        producing.get();
    }

    @Test
    void valuePassedBackAndForthCarriesEveryWrite() throws Exception {
        Channel<Box> there = newChannel();
        Channel<Box> back = newChannel();
        int trips = 1_000;
        var echo = threads.run("echo", () -> {
            try (Sender<Box> out = back.sender()) {
                for (Box box : there.receiver()) {
                    box.visits++; // a plain field: only the channels order these writes
                    out.send(box);
                }
            }
        });
        Box box = new Box(0);
        for (int i = 0; i < trips; i++) {
            box.visits++;
            there.sender().send(box);
            box = back.receiver().recv();
        }
        there.sender().close();
        echo.get();
        assertEquals(2 * trips, box.visits);
    }

    /**
     * Blocking parks, so it works on virtual threads: many more of them wait at once than there
     * are carrier threads. Virtual threads exist from JDK 21 on; the code compiles for 17, so it
     * finds them by reflection and skips on older runtimes.
     */
    @Test
    void worksBetweenManyVirtualThreads() throws Exception {
        ExecutorService virtualThreads = virtualThreadPerTaskExecutor();
        try {
            Channel<Token> ch = newChannel();
            int producers = 50;
            int each = 20;
            List<Future<List<Token>>> consumers = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                Receiver<Token> mine = ch.receiver().clone();
                consumers.add(virtualThreads.submit(() -> {
                    try (mine) {
                        return collect(mine); // most of them park here, unmounted
                    }
                }));
            }
            ch.receiver().close();
            for (int p = 0; p < producers; p++) {
                Sender<Token> mine = ch.sender().clone();
                int producer = p;
                virtualThreads.submit(() -> {
                    try (mine) {
                        for (int seq = 0; seq < each; seq++) {
                            mine.send(new Token(producer, seq));
                        }
                    }
                    return null;
                });
            }
            ch.sender().close();
            List<List<Token>> received = new ArrayList<>();
            for (Future<List<Token>> consumer : consumers) {
                received.add(consumer.get(Background.PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            }
            assertTokens(received, producers, each);
        } finally {
            virtualThreads.shutdownNow();
            assertTrue(virtualThreads.awaitTermination(Background.PATIENCE.toMillis(), TimeUnit.MILLISECONDS),
                    "every virtual thread ends");
        }
    }

    // ---------------------------------------------------------------------------------------
    // The exception

    @Test
    void disconnectionIsAnUncheckedException() {
        assertTrue(RuntimeException.class.isAssignableFrom(DisconnectedException.class));
        Channel<String> ch = newChannel();
        ch.receiver().close();
        Runnable sendWithoutCatching = () -> ch.sender().trySend("x"); // compiles: nothing checked to catch
        RuntimeException thrown = assertThrows(RuntimeException.class, sendWithoutCatching::run);
        assertInstanceOf(DisconnectedException.class, thrown);
    }

    // ---------------------------------------------------------------------------------------
    // Interrupts

    @Test
    void recvThrowsInterruptedExceptionWhenInterruptedWhileWaiting() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        var untimed = threads.call("recv()", rx::recv).awaitBlocked();
        untimed.interrupt();
        untimed.failure(InterruptedException.class);
        var timed = threads.call("recv(LONG)", () -> rx.recv(LONG)).awaitBlocked();
        timed.interrupt();
        timed.failure(InterruptedException.class);
        transfer(ch.sender(), rx, "an interrupted wait leaves the channel working");
    }

    /**
     * An {@code InterruptedException} carries the interrupt, as {@code BlockingQueue}'s does: the
     * interrupt status is cleared when it is thrown, so one interrupt stops one call, and a retry
     * waits again instead of failing at once.
     */
    @Test
    void interruptedExceptionClearsTheInterruptStatus() throws Exception {
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        assertInterruptClearedWhileWaiting(threads.call("recv()", rx::recv));
        assertInterruptClearedWhileWaiting(threads.call("recv(LONG)", () -> rx.recv(LONG)));
        var already = threads.call("recv() when already interrupted", () -> {
            Thread.currentThread().interrupt();
            return rx.recv();
        });
        already.failure(InterruptedException.class);
        assertFalse(already.interruptedAtEnd(), "a call refused at once takes the interrupt status too");
        if (sendersCanBlock()) {
            fill(tx);
            assertInterruptClearedWhileWaiting(threads.run("send(-1)", () -> tx.send(-1)));
            assertInterruptClearedWhileWaiting(threads.call("send(-2, LONG)", () -> tx.send(-2, LONG)));
        }
    }

    @Test
    void recvWhenAlreadyInterruptedAndNothingIsThereThrows() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        threads.call("recv()", () -> {
            Thread.currentThread().interrupt();
            return rx.recv();
        }).failure(InterruptedException.class);
        threads.call("recv(LONG)", () -> {
            Thread.currentThread().interrupt();
            return rx.recv(LONG);
        }).failure(InterruptedException.class);
    }

    @Test
    void blockingRecvRefusesWhenAlreadyInterruptedEvenIfAValueIsThere() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        assertRecvRefusedWhileInterrupted(ch, "recv()", rx::recv);
        assertRecvRefusedWhileInterrupted(ch, "recv(LONG)", () -> rx.recv(LONG).orElseThrow());
        assertRecvRefusedWhileInterrupted(ch, "recv(ZERO)", () -> rx.recv(Duration.ZERO).orElseThrow());
        var offering = offer(ch.sender(), "iterator().next()");
        var iterating = threads.call("iterator().next()", () -> {
            Thread.currentThread().interrupt();
            return rx.iterator().next();
        });
        CancellationException cancelled = iterating.failure(CancellationException.class);
        assertInstanceOf(InterruptedException.class, cancelled.getCause());
        assertTrue(iterating.interruptedAtEnd(), "the iterator sets the interrupt status again");
        assertEquals("iterator().next()", rx.recv(LONG).orElseThrow(), "the interrupted iteration took nothing");
        offering.get();
    }

    @Test
    void tryRecvReturnsAnAvailableValueAndKeepsTheInterruptStatus() throws Exception {
        Channel<String> ch = newChannel();
        Receiver<String> rx = ch.receiver();
        assertReceivedWhileInterrupted(ch, "tryRecv()", () -> rx.tryRecv().orElseThrow());
    }

    @Test
    void sendThrowsInterruptedExceptionWhenInterruptedWhileWaiting() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        fill(tx);
        var untimed = threads.run("send(-1)", () -> tx.send(-1)).awaitBlocked();
        untimed.interrupt();
        untimed.failure(InterruptedException.class);
        var timed = threads.call("send(-2, LONG)", () -> tx.send(-2, LONG)).awaitBlocked();
        timed.interrupt();
        timed.failure(InterruptedException.class);
        tx.close();
        assertEquals(range(0, room()), collect(ch.receiver()), "an interrupted send sent nothing");
    }

    @Test
    void sendWhenAlreadyInterruptedAndNoRoomThrows() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        Channel<Integer> ch = newChannel();
        Sender<Integer> tx = ch.sender();
        fill(tx);
        threads.run("send(-1)", () -> {
            Thread.currentThread().interrupt();
            tx.send(-1);
        }).failure(InterruptedException.class);
        threads.call("send(-2, LONG)", () -> {
            Thread.currentThread().interrupt();
            return tx.send(-2, LONG);
        }).failure(InterruptedException.class);
        tx.close();
        assertEquals(range(0, room()), collect(ch.receiver()), "an interrupted send sent nothing");
    }

    @Test
    void blockingSendRefusesWhenAlreadyInterruptedEvenIfThereIsRoom() throws Exception {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        assertSendRefusedWhileInterrupted(ch, "send(T)", value -> {
            tx.send(value);
            return true;
        });
        assertSendRefusedWhileInterrupted(ch, "send(T, LONG)", value -> tx.send(value, LONG));
        assertSendRefusedWhileInterrupted(ch, "send(T, ZERO)", value -> tx.send(value, Duration.ZERO));
    }

    /**
     * Disconnection is the one final answer, so it wins over an interrupt: a blocking send on a
     * channel whose receivers are all closed throws {@code DisconnectedException} even when the
     * thread is interrupted, and the interrupt status stays set (never lost). This is what a
     * producer of a stopped pipeline sees when it was busy as the stop came.
     */
    @Test
    void sendOnADisconnectedChannelReportsDisconnectionEvenWhenInterrupted() throws Exception {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        ch.receiver().close();
        for (String way : List.of("send(T)", "send(T, LONG)", "send(T, ZERO)")) {
            var sending = threads.call(way, () -> {
                Thread.currentThread().interrupt();
                switch (way) {
                    case "send(T)":
                        tx.send(way);
                        return true;
                    case "send(T, LONG)":
                        return tx.send(way, LONG);
                    default:
                        return tx.send(way, Duration.ZERO);
                }
            });
            sending.failure(DisconnectedException.class);
            assertTrue(sending.interruptedAtEnd(), way + " keeps the interrupt status");
        }
    }

    @Test
    void trySendWithRoomSucceedsAndKeepsTheInterruptStatus() throws Exception {
        Channel<String> ch = newChannel();
        Sender<String> tx = ch.sender();
        assertSentWhileInterrupted(ch, "trySend(T)", tx::trySend);
    }

    @Test
    void interruptedIterationThrowsCancellationExceptionAndKeepsTheInterruptStatus() throws Exception {
        Channel<String> ch = newChannel();
        var iterating = threads.run("iterating", () -> {
            for (String value : ch.receiver()) {
                fail("nothing was sent, yet the loop got " + value);
            }
        }).awaitBlocked();
        iterating.interrupt();
        CancellationException cancelled = iterating.failure(CancellationException.class);
        assertInstanceOf(InterruptedException.class, cancelled.getCause());
        assertTrue(iterating.interruptedAtEnd(), "the interrupt status is set again");
        transfer(ch.sender(), ch.receiver(), "an interrupted loop leaves the channel working");
    }

    @Test
    void interruptedStreamThrowsCancellationExceptionAndKeepsTheInterruptStatus() throws Exception {
        Channel<String> ch = newChannel();
        var streaming = threads.call("stream", () -> ch.receiver().stream().count()).awaitBlocked();
        streaming.interrupt();
        CancellationException cancelled = streaming.failure(CancellationException.class);
        assertInstanceOf(InterruptedException.class, cancelled.getCause());
        assertTrue(streaming.interruptedAtEnd(), "the interrupt status is set again");
    }

    /**
     * A value and an interrupt reach a blocked receiver at about the same time: whichever wins,
     * neither is lost. Either recv returns the value and the interrupt status is still set, or
     * recv throws and the value is still there for the next recv.
     */
    @Test
    void interruptRacingAValueLosesNeither() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Channel<Integer> ch = newChannel();
            Receiver<Integer> rx = ch.receiver();
            AtomicBoolean interruptDelivered = new AtomicBoolean();
            CountDownLatch go = new CountDownLatch(1);
            var receiving = threads.call("receiver", () -> {
                boolean threw = false;
                Integer value = null;
                try {
                    value = rx.recv();
                } catch (InterruptedException e) {
                    threw = true;
                }
                while (!interruptDelivered.get()) {
                    Thread.onSpinWait();
                }
                boolean statusSet = Thread.interrupted();
                if (threw) {
                    value = rx.recv(); // the value was not lost
                }
                return new RaceOutcome(threw, statusSet, value);
            }).awaitBlocked();
            int sent = round;
            var sending = threads.run("sender", () -> {
                go.await();
                ch.sender().send(sent);
            });
            go.countDown();
            receiving.interrupt();
            interruptDelivered.set(true);
            RaceOutcome outcome = receiving.get();
            sending.get();
            String where = "round " + round + ": " + outcome;
            assertEquals(sent, outcome.value(), where);
            if (!outcome.threw()) {
                assertTrue(outcome.statusSet(), where + ": recv returned the value, so the interrupt must stay pending");
            }
        }
    }

    /**
     * A sender blocked for want of room is interrupted just as a receiver makes room (takes its
     * value, on a rendezvous): either send returns, the value is delivered and the interrupt
     * status is still set, or send throws and the value was not sent.
     */
    @Test
    void interruptRacingAHandOffLosesNeither() throws Exception {
        assumeTrue(sendersCanBlock(), UNBOUNDED_NEVER_BLOCKS);
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Channel<Integer> ch = newChannel();
            Sender<Integer> tx = ch.sender();
            Receiver<Integer> rx = ch.receiver();
            fill(tx);
            AtomicBoolean interruptDelivered = new AtomicBoolean();
            CountDownLatch go = new CountDownLatch(1);
            var sending = threads.call("sender", () -> {
                boolean threw = false;
                try {
                    tx.send(-1);
                } catch (InterruptedException e) {
                    threw = true;
                }
                while (!interruptDelivered.get()) {
                    Thread.onSpinWait();
                }
                return new RaceOutcome(threw, Thread.interrupted(), threw ? null : -1);
            }).awaitBlocked();
            var receiving = threads.call("receiver", () -> {
                go.await();
                try {
                    return Optional.of(rx.recv());
                } catch (DisconnectedException e) {
                    return Optional.<Integer>empty(); // a rendezvous whose sender gave up
                }
            });
            go.countDown();
            sending.interrupt();
            interruptDelivered.set(true);
            RaceOutcome outcome = sending.get();
            tx.close();
            List<Integer> received = new ArrayList<>();
            receiving.get().ifPresent(received::add);
            received.addAll(collect(rx));
            List<Integer> expected = new ArrayList<>(range(0, room()));
            if (!outcome.threw()) {
                expected.add(-1);
            }
            String where = "round " + round + ": " + outcome;
            assertEquals(expected, received, where + ": delivered exactly when send returned");
            if (!outcome.threw()) {
                assertTrue(outcome.statusSet(), where + ": send completed, so the interrupt must stay pending");
            }
        }
    }

    /**
     * Two receivers wait; one value comes while one of them is interrupted. If the interrupted one
     * gives up, the value must reach the other: a wake-up taken by a thread that then leaves is
     * passed on, never dropped.
     */
    @Test
    void interruptedReceiverLeavesTheValueToAnotherWaitingReceiver() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Channel<Integer> ch = newChannel();
            Receiver<Integer> rx1 = ch.receiver();
            Receiver<Integer> rx2 = rx1.clone();
            CountDownLatch go = new CountDownLatch(1);
            var interrupted = threads.call("interrupted receiver", () -> {
                try {
                    return Optional.of(rx1.recv());
                } catch (InterruptedException e) {
                    return Optional.<Integer>empty();
                }
            });
            var other = threads.call("other receiver", rx2::recv);
            interrupted.awaitBlocked();
            other.awaitBlocked();
            int sent = round;
            var sending = threads.run("sender", () -> {
                go.await();
                ch.sender().send(sent);
            });
            go.countDown();
            interrupted.interrupt();
            Optional<Integer> first = interrupted.get();
            if (first.isPresent()) {
                assertEquals(sent, first.get(), "round " + round);
                sending.get();
                ch.sender().close();
                other.failure(DisconnectedException.class);
            } else {
                assertEquals(sent, other.get(),
                        "round " + round + ": the interrupted receiver gave up, so the other one gets the value");
                sending.get();
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    /** A value with plain, non-final fields: only the channel's happens-before makes them visible. */
    static final class Box {
        int number;
        long square;
        String text;
        int[] digits;
        int visits;

        Box(int number) {
            this.number = number;
            this.square = (long) number * number;
            this.text = Integer.toString(number);
            this.digits = this.text.chars().map(c -> c - '0').toArray();
        }

        void assertDescribes(int expected) {
            assertEquals(expected, number);
            assertEquals((long) expected * expected, square);
            assertEquals(Integer.toString(expected), text);
            assertArrayEquals(Integer.toString(expected).chars().map(c -> c - '0').toArray(), digits);
        }
    }

    /** The {@code seq}-th value of producer {@code producer}. */
    record Token(int producer, int seq) {}

    /** How one side of an interrupt race ended. */
    record RaceOutcome(boolean threw, boolean statusSet, Integer value) {}

    /** Sends {@code value} on another thread and receives it here. */
    <T> void transfer(Sender<T> tx, Receiver<T> rx, T value) throws Exception {
        var sending = threads.run("sending " + value, () -> tx.send(value));
        assertEquals(value, rx.recv());
        sending.get();
    }

    /**
     * Makes {@code value} available to receive now, on a channel with nothing in it: buffered, or
     * for a rendezvous held out by a sender blocked in {@code send}. The returned thread ends when
     * the value has been taken.
     */
    <T> Background<Void> offer(Sender<T> tx, T value) throws InterruptedException {
        var sending = threads.run("offering " + value, () -> tx.send(value));
        if (room() == 0) {
            sending.awaitBlocked();
        } else {
            sending.join();
        }
        return sending;
    }

    /** Fills the whole room of a bounded channel or rendezvous with 0, 1, 2, ... */
    void fill(Sender<Integer> tx) {
        assert sendersCanBlock();
        fill(tx, room());
    }

    /** Sends 0, 1, ..., count - 1 without waiting; they must fit. */
    static void fill(Sender<Integer> tx, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(tx.trySend(i), "value " + i + " should fit");
        }
    }

    /**
     * Sends {@code count} fresh objects without waiting and returns weak references to them. It is
     * a method of its own so that no local variable keeps one of them reachable.
     */
    static List<WeakReference<Object>> fill(Sender<Object> tx, int count, Supplier<Object> fresh) {
        List<WeakReference<Object>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object value = fresh.get();
            assertTrue(tx.trySend(value), "value " + i + " should fit");
            sent.add(new WeakReference<>(value));
        }
        return sent;
    }

    /** Tries every way of sending a fresh object to a channel without receivers; each must fail. */
    static WeakReference<Object> failToSendAFreshValue(Sender<Object> tx) {
        Object value = new Object();
        assertAll(
                () -> assertThrows(DisconnectedException.class, () -> tx.send(value)),
                () -> assertThrows(DisconnectedException.class, () -> tx.trySend(value)),
                () -> assertThrows(DisconnectedException.class, () -> tx.send(value, LONG)),
                () -> assertThrows(DisconnectedException.class, () -> tx.send(value, Duration.ZERO)));
        return new WeakReference<>(value);
    }

    /** Runs the collector until every referent is gone; fails after a bounded number of tries. */
    static void awaitCollected(List<WeakReference<Object>> references, String what) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (references.stream().allMatch(reference -> reference.get() == null)) {
                return;
            }
            System.gc();
            Thread.sleep(10); // lets the reference handler catch up; this is not waiting for a channel
        }
        long alive = references.stream().filter(reference -> reference.get() != null).count();
        fail(alive + " of " + references.size() + " times " + what + " is still reachable after 100 collections");
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21 and later; skips the test before. */
    static ExecutorService virtualThreadPerTaskExecutor() throws ReflectiveOperationException {
        Method factory;
        try {
            factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return Assumptions.abort("virtual threads need JDK 21 or later; this is " + Runtime.version());
        }
        return (ExecutorService) factory.invoke(null);
    }

    /** Every value until the channel is disconnected and drained, by iteration. */
    static <T> List<T> collect(Receiver<T> rx) {
        List<T> values = new ArrayList<>();
        for (T value : rx) {
            values.add(value);
        }
        return values;
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    static void assertAscending(List<Integer> values, String who) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1) >= values.get(i)) {
                fail(who + " received " + values.get(i - 1) + " before " + values.get(i));
            }
        }
    }

    /** Starts {@code producers} threads, each with its own clone, sending {@code each} tokens; closes the original. */
    void startProducers(Channel<Token> ch, int producers, int each) {
        for (int p = 0; p < producers; p++) {
            Sender<Token> mine = ch.sender().clone();
            int producer = p;
            threads.run("producer " + p, () -> {
                try (mine) {
                    for (int seq = 0; seq < each; seq++) {
                        mine.send(new Token(producer, seq));
                    }
                }
            });
        }
        ch.sender().close();
    }

    /**
     * Every token of every producer arrived exactly once, and each consumer saw each producer's
     * tokens in the order they were sent.
     */
    static void assertTokens(List<List<Token>> perConsumer, int producers, int each) {
        Set<Token> seen = new HashSet<>();
        for (int c = 0; c < perConsumer.size(); c++) {
            int[] last = new int[producers];
            Arrays.fill(last, -1);
            for (Token token : perConsumer.get(c)) {
                assertTrue(token.producer() >= 0 && token.producer() < producers && token.seq() < each,
                        "never sent: " + token);
                assertTrue(seen.add(token), "received twice: " + token);
                assertTrue(token.seq() > last[token.producer()],
                        "consumer " + c + " received " + token + " after seq " + last[token.producer()]);
                last[token.producer()] = token.seq();
            }
        }
        assertEquals(producers * each, seen.size(), "every token arrives");
    }

    /** Interrupts a call once it blocks; it must throw and leave the interrupt status clear. */
    static void assertInterruptClearedWhileWaiting(Background<?> call) throws InterruptedException {
        call.awaitBlocked();
        call.interrupt();
        call.failure(InterruptedException.class);
        assertFalse(call.interruptedAtEnd(), call + ": the exception took the interrupt status with it");
    }

    /** Offers a value, then receives it on a thread whose interrupt status is already set. */
    private void assertReceivedWhileInterrupted(Channel<String> ch, String way, Background.Call<String> receive)
            throws Exception {
        var offering = offer(ch.sender(), way);
        var receiving = threads.call(way, () -> {
            Thread.currentThread().interrupt();
            return receive.call();
        });
        assertEquals(way, receiving.get(), way + " returns the value that is there");
        assertTrue(receiving.interruptedAtEnd(), way + " keeps the interrupt status");
        offering.get();
    }

    /**
     * A value is there (buffered, or a sender waits), yet a blocking receive made with the
     * interrupt status set throws at once, and leaves the value for the next receive.
     */
    private void assertRecvRefusedWhileInterrupted(Channel<String> ch, String way, Background.Call<String> receive)
            throws Exception {
        var offering = offer(ch.sender(), way);
        var receiving = threads.call(way, () -> {
            Thread.currentThread().interrupt();
            return receive.call();
        });
        receiving.failure(InterruptedException.class);
        assertEquals(way, ch.receiver().recv(LONG).orElseThrow(), way + " took nothing");
        offering.get();
    }

    /**
     * There is room (for a rendezvous: a receiver waits), yet a blocking send made with the
     * interrupt status set throws at once and sends nothing.
     */
    private void assertSendRefusedWhileInterrupted(Channel<String> ch, String way, SendWay send) throws Exception {
        var receiving = room() == 0 ? threads.call("receiver", ch.receiver()::recv).awaitBlocked() : null;
        var sending = threads.call(way, () -> {
            Thread.currentThread().interrupt();
            return send.send(way + " (refused)");
        });
        sending.failure(InterruptedException.class);
        if (receiving != null) {
            assertTrue(ch.sender().send(way, LONG)); // the waiting receiver is still there
            assertEquals(way, receiving.get(), way + " sent nothing");
        } else {
            assertEquals(Optional.empty(), ch.receiver().tryRecv(), way + " sent nothing");
        }
    }

    /** A way of sending one value that reports whether it was sent. */
    @FunctionalInterface
    interface SendWay {
        boolean send(String value) throws Exception;
    }

    /** Sends to a waiting receiver (so there is room) from a thread whose interrupt status is set. */
    private void assertSentWhileInterrupted(Channel<String> ch, String way, SendWay send) throws Exception {
        var receiving = threads.call("receiver", ch.receiver()::recv).awaitBlocked();
        var sending = threads.call(way, () -> {
            Thread.currentThread().interrupt();
            return send.send(way);
        });
        assertTrue(sending.get(), way + " sends when there is room, interrupted or not");
        assertTrue(sending.interruptedAtEnd(), way + " keeps the interrupt status");
        assertEquals(way, receiving.get());
    }
}
