package pneumatic.bench;

/**
 * The messages every scenario moves: boxed {@code Long}s taken from a pool made once, so that
 * no candidate allocates per message (and allocation measures the channel, not boxing), and
 * values whose sum checks that every message arrived exactly once.
 */
public final class Messages {

    private Messages() {}

    private static final int POOL_SIZE = 1024;
    private static final Long[] POOL = new Long[POOL_SIZE];

    static {
        for (int i = 0; i < POOL_SIZE; i++) {
            POOL[i] = 1_000_003L * i + 17; // not Long's small-value cache: real objects
        }
    }

    /** The {@code i}-th message. */
    public static Long get(int i) {
        return POOL[i & (POOL_SIZE - 1)];
    }

    /** A message that is not in the pool, for "no more" markers of queues without ends. */
    public static final Long POISON = Long.valueOf(-42L); // identity-compared; never in the pool

    /** The sum of the first {@code n} messages: what a run's consumers must add up to. */
    public static long checksum(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += get(i);
        }
        return sum;
    }

    /** The stage of the pipeline scenario: a cheap function from message to message. */
    public static Long step(Long message) {
        return get((int) (message * 31 + 7));
    }

    /** The sum of the stage applied to the first {@code n} messages. */
    public static long stepChecksum(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += step(get(i));
        }
        return sum;
    }
}
