package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A waker wakes the oldest waiter; if that one's own retry has just succeeded, the wake-up must
 * be passed on, or a younger waiter stays parked while a value (or room) is there. These tests
 * stage that interleaving exactly, with a {@link QueueFlavor} whose offer and poll have the real
 * flavors' contract plus a pause point, so the failure does not depend on luck.
 *
 * <p>Found in review; before the fix, 4 producers and 4 consumers on {@code bounded(1)} hung
 * within about 30,000 rounds.
 */
class WakeUpPassOnTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Unbounded storage; X's first retry after enqueuing takes a value no wake-up announced. */
    private static final class StagedReceivers extends QueueFlavor<Integer> {
        final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        volatile Thread x;
        final CountDownLatch xTookValue = new CountDownLatch(1);
        final CountDownLatch releaseX = new CountDownLatch(1);
        private boolean staged;

        @Override
        int offer(Integer value) {
            queue.add(value);
            receivers.wakeOne();
            return SENT;
        }

        @Override
        Object poll() {
            if (Thread.currentThread() == x && !staged && receivers.hasWaiters()) {
                staged = true;
                // As if a sender had offered 0 just before X enqueued: its wakeOne saw nobody.
                Integer unannounced = 0;
                xTookValue.countDown();
                await(releaseX); // X is between its successful retry and leave()
                return unannounced;
            }
            return queue.poll();
        }

        @Override
        void markDisconnected() {}
    }

    /** Capacity 1; X's first retry after enqueuing fills room no wake-up announced. */
    private static final class StagedSenders extends QueueFlavor<Integer> {
        final AtomicReference<Integer> slot = new AtomicReference<>();
        volatile Thread x;
        final CountDownLatch xTookRoom = new CountDownLatch(1);
        final CountDownLatch releaseX = new CountDownLatch(1);
        private boolean staged;

        @Override
        int offer(Integer value) {
            if (Thread.currentThread() == x && !staged && senders.hasWaiters()) {
                staged = true;
                // As if a receiver had freed the slot just before X enqueued, waking nobody.
                slot.set(value);
                xTookRoom.countDown();
                await(releaseX); // X is between its successful retry and leave()
                return SENT;
            }
            if (!slot.compareAndSet(null, value)) {
                return NOT_SENT;
            }
            receivers.wakeOne();
            return SENT;
        }

        @Override
        Object poll() {
            Object value = slot.getAndSet(null);
            if (value != null) {
                senders.wakeOne();
            }
            return value;
        }

        @Override
        void markDisconnected() {}
    }

    @Test
    void receiverThatSucceedsAfterBeingChosenPassesTheWakeUpOn() {
        assertTimeoutPreemptively(BOUND, () -> {
            StagedReceivers flavor = new StagedReceivers();
            Object[] got = new Object[2];
            Thread x = new Thread(() -> got[0] = receive(flavor), "X");
            flavor.x = x;
            x.start();
            flavor.xTookValue.await();
            Thread w = new Thread(() -> got[1] = receive(flavor), "W");
            w.start();
            awaitParked(w);
            flavor.offer(1); // wakeOne chooses X, the oldest waiter, though X no longer needs it
            flavor.releaseX.countDown();
            x.join();
            w.join(); // hangs (and the timeout fails the test) if the wake-up was lost
            assertEquals(0, got[0]);
            assertEquals(1, got[1]);
        });
    }

    @Test
    void senderThatSucceedsAfterBeingChosenPassesTheWakeUpOn() {
        assertTimeoutPreemptively(BOUND, () -> {
            StagedSenders flavor = new StagedSenders();
            flavor.slot.set(100); // full
            Thread x = new Thread(() -> send(flavor, 1), "X");
            flavor.x = x;
            x.start();
            flavor.xTookRoom.await();
            Thread w = new Thread(() -> send(flavor, 2), "W");
            w.start();
            awaitParked(w);
            assertEquals(1, flavor.poll()); // room again: wakeOne chooses X, which no longer needs it
            flavor.releaseX.countDown();
            x.join();
            w.join(); // hangs if the wake-up was lost
            assertEquals(2, flavor.poll());
        });
    }

    private static Object receive(QueueFlavor<Integer> flavor) {
        try {
            return flavor.recv(Flavor.FOREVER);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void send(QueueFlavor<Integer> flavor, int value) {
        try {
            assertEquals(Flavor.SENT, flavor.send(value, Flavor.FOREVER));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }
}
