package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The waiter's flag: a waker unparks only a waiter that is parked, and one that is parked is
 * always unparked.
 */
class WaiterTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    /**
     * The owner spins, never parks, until it sees the wake-up, and then parks once: a permit left
     * by the wake-up would make that park return at once. (Waiting on a latch instead would park
     * the owner, and any park, even one that returns to wait again, uses up a stray permit.)
     */
    @Test
    void wakingAWaiterThatIsNotParkedLeavesNoPermitBehind() {
        assertTimeoutPreemptively(BOUND, () -> {
            AtomicReference<Waiter> mine = new AtomicReference<>();
            CountDownLatch created = new CountDownLatch(1);
            Thread owner = new Thread(() -> {
                Waiter waiter = new Waiter();
                mine.set(waiter);
                created.countDown();
                while (waiter.state() == Waiter.WAITING) {
                    Thread.onSpinWait(); // awake the whole time: the wake-up must not unpark it
                }
                // An unpark would have left a permit, and this would return at once.
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10));
            }, "owner");
            owner.start();
            created.await();
            assertTrue(mine.get().wake(Waiter.NOTIFIED));
            while (owner.getState() != Thread.State.TIMED_WAITING) {
                assertFalse(owner.getState() == Thread.State.TERMINATED,
                        "the owner did not block: a wake-up unparked a thread that was not parked");
                Thread.onSpinWait();
            }
            LockSupport.unpark(owner);
            owner.join();
        });
    }

    @Test
    void wakingAParkedWaiterUnparksIt() {
        assertTimeoutPreemptively(BOUND, () -> {
            AtomicReference<Waiter> mine = new AtomicReference<>();
            CountDownLatch created = new CountDownLatch(1);
            Thread owner = new Thread(() -> {
                Waiter waiter = new Waiter();
                mine.set(waiter);
                created.countDown();
                waiter.await(0, false, 0L); // returns only once the state has changed
            }, "owner");
            owner.start();
            created.await();
            while (owner.getState() != Thread.State.WAITING) { // past its yields: parked
                Thread.onSpinWait();
            }
            assertTrue(mine.get().wake(Waiter.NOTIFIED));
            owner.join();
            assertEquals(Waiter.NOTIFIED, mine.get().state());
        });
    }

    @Test
    void aWaiterWokenWhileItYieldsReturnsWithoutParking() {
        assertTimeoutPreemptively(BOUND, () -> {
            for (int round = 0; round < 200; round++) { // races the wake-up against every phase
                Waiter[] waiter = new Waiter[1];
                CountDownLatch created = new CountDownLatch(1);
                Thread owner = new Thread(() -> {
                    waiter[0] = new Waiter();
                    created.countDown();
                    waiter[0].await(0, false, 0L);
                });
                owner.start();
                created.await();
                waiter[0].wake(Waiter.NOTIFIED);
                owner.join();
            }
        });
    }

    /**
     * A thread reuses its waiter from one blocking call to the next, on any channel. It must have
     * left the first channel's queue by then: if it were still there, the next wake-up on that
     * channel would go to it (waiting elsewhere) and leave another receiver of that channel
     * parked beside a value.
     */
    @Test
    void aWaiterReusedOnAnotherChannelIsNoLongerInTheFirstOnesQueue() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<String> first = Channel.bounded(4);
            Channel<String> second = Channel.bounded(4);
            Background<String> both = Background.start("both", () -> {
                String a = first.receiver().recv();          // waits, woken by a send
                for (String c : second.receiver()) {         // waits again, in hasNext, same waiter
                    return a + c;
                }
                return a;
            });
            both.awaitBlocked();
            first.sender().send("a");
            while (Arrays.stream(both.thread().getStackTrace()).noneMatch(f -> f.getMethodName().equals("hasNext"))) {
                Thread.onSpinWait();
            }
            both.awaitBlocked(); // parked on the second channel
            Background<String> other = Background.start("other", () -> first.receiver().recv());
            other.awaitBlocked();
            first.sender().send("b");
            assertEquals("b", other.get(), "the wake-up reached the receiver waiting on the first channel");
            second.sender().send("c");
            assertEquals("ac", both.get());
        });
    }
}
