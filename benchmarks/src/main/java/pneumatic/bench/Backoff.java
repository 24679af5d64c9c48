package pneumatic.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The wait strategy that makes a non-blocking queue usable where a blocking one is expected, as
 * Agrona's {@code BackoffIdleStrategy} does: a few spins, a few yields, then parking for
 * doubling times up to 100 us. No wake-up signal is needed, and an idle thread ends up using
 * almost no CPU. Not thread-safe: one per waiting thread.
 *
 * <p>It spins and yields exactly as long as a Pneumatic channel's blocking call does before it
 * parks (15 {@code onSpinWait} in rounds of 1, 2, 4 and 8, then 2 yields before it enqueues
 * itself and 20 more as a waiter), so that neither side of a comparison gives up sooner. With
 * 8 yields, as before 2026-12-04, JCTools' SPSC queue parked hundreds of times per run (a park
 * here lasts 77 us or more), which put Pneumatic 1.2x to 1.6x closer to it than it is.
 */
final class Backoff {

    private static final int SPINS = 15;
    private static final int YIELDS = 22;
    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 100_000;

    /** Calls of {@link #idle()} since the last {@link #reset()}; the one waiting thread's own. */
    private int idles;

    /** The next park's length: doubles per park up to the maximum, back to the minimum on reset. */
    private long parkNanos = MIN_PARK_NANOS;

    /** Waits a little, longer each time since the last {@link #reset()}. */
    void idle() {
        if (idles < SPINS) {
            Thread.onSpinWait();
        } else if (idles < SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
        idles++;
    }

    /** Called after progress: the next wait starts with spinning again. */
    void reset() {
        idles = 0;
        parkNanos = MIN_PARK_NANOS;
    }
}
