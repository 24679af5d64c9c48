package pneumatic.bench;

import java.util.concurrent.atomic.LongAdder;

/**
 * Allocation in the steady state of a run: each thread that moves messages reads its own
 * allocation counter when it reaches the first quarter of its messages and again at the third
 * quarter, so start-up (new channels, new threads, the first chunk) does not count.
 */
final class Steady {

    private final LongAdder bytes = new LongAdder();
    private final LongAdder messages = new LongAdder();

    /** One thread's window. */
    final class Window {
        private final int from;
        private final int to;
        private final boolean counts;
        private long start = -1;

        Window(int total, boolean counts) {
            this.counts = counts;
            this.from = total / 4;
            this.to = total - total / 4;
        }

        /** Called with the count of messages this thread has moved so far. */
        void at(int moved) {
            if (moved == from) {
                start = Threads.allocatedHere();
            } else if (moved == to && start >= 0) {
                bytes.add(Threads.allocatedHere() - start);
                if (counts) {
                    messages.add(to - from);
                }
            }
        }
    }

    /**
     * A window for a thread that moves {@code total} messages. Both ends of a message allocate,
     * but it is one message: only the producers' windows count messages ({@code counts}), since
     * every producer sees exactly its own share, where a competing consumer's share varies and
     * its window may not close.
     */
    Window window(int total, boolean counts) {
        return new Window(total, counts);
    }

    /** Bytes per message over every thread's window; NaN if no window closed. */
    double bytesPerMessage() {
        long m = messages.sum();
        return m == 0 ? Double.NaN : (double) bytes.sum() / m;
    }
}
