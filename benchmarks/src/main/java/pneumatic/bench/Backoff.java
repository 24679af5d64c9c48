package pneumatic.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The wait strategy that makes a non-blocking queue usable where a blocking one is expected, as
 * Agrona's {@code BackoffIdleStrategy} does: a few spins, a few yields, then parking for
 * doubling times up to 100 us. No wake-up signal is needed, and an idle thread ends up using
 * almost no CPU. Not thread-safe: one per waiting thread.
 */
final class Backoff {

    private static final int SPINS = 64;
    private static final int YIELDS = 8;
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
