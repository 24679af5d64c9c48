package pneumatic.bench;

import java.util.concurrent.atomic.LongAdder;

/**
 * Allocation in the steady state of a run: each thread that moves messages reads its own
 * allocation counter when it reaches the first quarter of its messages and again at the third
 * quarter, so start-up (new channels, new threads, the first chunk) does not count.
 */
final class Steady {

    /**
     * What the steady windows of one run add up to.
     *
     * @param bytes bytes allocated inside every thread's window
     * @param messages messages the counting windows moved; 0 if no window closed
     */
    record Result(long bytes, long messages) {
        /** Bytes per message; NaN if no window closed. */
        double bytesPerMessage() {
            return messages == 0 ? Double.NaN : (double) bytes / messages;
        }
    }

    /** Nothing measured: the run had no steady windows. */
    static final Result NONE = new Result(0, 0);

    /** The windows of the last run (runs are one at a time), until {@link #take()}. */
    private static volatile Result last = NONE;

    private final LongAdder bytes = new LongAdder();
    private final LongAdder messages = new LongAdder();

    /** One thread's window. */
    final class Window {
        private final int from;
        private final int to;
        private final boolean counts;
        /** The thread's allocation counter at the window's first message; -1 until then. */
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
     * its window may not close. One window per thread: two on the same thread would count its
     * bytes twice.
     */
    Window window(int total, boolean counts) {
        return new Window(total, counts);
    }

    /** What every window of this run added up to; call once the run's threads have ended. */
    Result result() {
        return new Result(bytes.sum(), messages.sum());
    }

    /** Records this run's windows as the last run's, for the runner to {@link #take()}. */
    void publish() {
        last = result();
    }

    /** Takes the windows of the run that just ended; {@link #NONE} if it had none. */
    static Result take() {
        Result result = last;
        last = NONE;
        return result;
    }
}
