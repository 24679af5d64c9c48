package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * One task running on its own daemon thread, whose outcome a test waits for with a bound.
 *
 * <p>Tests get these from {@link BackgroundThreads}, which ends every one of them after the test.
 * Every wait here is bounded by {@link #PATIENCE}: a thread that hangs fails the test with its
 * stack trace instead of blocking the build.
 *
 * @param <R> what the task returns
 */
final class Background<R> {

    /** How long a test waits for a thread to block or to end before it calls it a hang. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A task that returns a value and may throw anything a channel method throws. */
    @FunctionalInterface
    interface Call<R> {
        R call() throws Exception;
    }

    /** A task without a result. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private final Thread thread;

    /** What the task returned; written by the thread, read after {@link Thread#join}. */
    private R result;

    /** What the task threw, or {@code null}; written by the thread, read after join. */
    private Throwable failure;

    /** The thread's interrupt status at the moment its task ended; written by the thread. */
    private boolean interruptedAtEnd;

    private Background(String name, Call<R> call) {
        this.thread = new Thread(() -> run(call), name);
        thread.setDaemon(true);
    }

    static <R> Background<R> start(String name, Call<R> call) {
        Background<R> background = new Background<>(name, call);
        background.thread.start();
        return background;
    }

    private void run(Call<R> call) {
        try {
            result = call.call();
        } catch (Throwable t) {
            failure = t;
        } finally {
            interruptedAtEnd = Thread.currentThread().isInterrupted();
        }
    }

    Thread thread() {
        return thread;
    }

    /**
     * Waits until the thread is blocked in a channel call: parked ({@code WAITING} or
     * {@code TIMED_WAITING}) with a {@link Sender} or {@link Receiver} method on its stack. Fails if
     * the task ends instead (a call that should block has returned) or does not block in time.
     */
    Background<R> awaitBlocked() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Thread.State state = thread.getState();
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && parkedInAChannelCall()) {
                return this;
            }
            if (state == Thread.State.TERMINATED) {
                joinQuietly();
                fail(thread.getName() + " should have blocked, but it ended: " + outcome());
            }
            if (System.nanoTime() - deadline > 0) {
                fail(thread.getName() + " did not block within " + PATIENCE + "; it is " + state + stack());
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    /**
     * Whether the thread's stack shows it parked by {@link LockSupport} inside a sender or
     * receiver method, rather than, say, waiting for a class to be initialised.
     */
    private boolean parkedInAChannelCall() {
        boolean parked = false;
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            parked |= type.equals(LockSupport.class.getName());
            if (parked && (type.startsWith(Sender.class.getName()) || type.startsWith(Receiver.class.getName()))) {
                return true;
            }
        }
        return false;
    }

    /** Interrupts the thread. */
    void interrupt() {
        thread.interrupt();
    }

    /** Waits for the task to end and returns its result; fails if it threw or did not end. */
    R get() throws InterruptedException {
        join();
        if (failure != null) {
            throw new AssertionError(thread.getName() + " failed", failure);
        }
        return result;
    }

    /** Waits for the task to end and returns what it threw; fails if it returned instead. */
    <X extends Throwable> X failure(Class<X> expected) throws InterruptedException {
        join();
        if (failure == null) {
            fail(thread.getName() + " should have thrown " + expected.getSimpleName() + ", but it returned " + result);
        }
        return assertInstanceOf(expected, failure, () -> thread.getName() + " threw the wrong exception");
    }

    /** Waits for the task to end and tells whether its thread was interrupted when it ended. */
    boolean interruptedAtEnd() throws InterruptedException {
        join();
        return interruptedAtEnd;
    }

    /** Waits, with the bound, for the task to end; fails with the thread's stack if it did not. */
    void join() throws InterruptedException {
        thread.join(PATIENCE.toMillis());
        if (thread.isAlive()) {
            fail(thread.getName() + " did not end within " + PATIENCE + stack());
        }
    }

    /**
     * Ends the thread if it is still running: interrupts it and waits with the bound.
     *
     * @return {@code true} if the thread has ended
     */
    boolean end() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
        joinQuietly();
        return !thread.isAlive();
    }

    private void joinQuietly() {
        try {
            thread.join(PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String outcome() {
        return failure != null ? "threw " + failure : "returned " + result;
    }

    String stack() {
        return Arrays.stream(thread.getStackTrace())
                .map(frame -> "\n\tat " + frame)
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return thread.getName();
    }
}
