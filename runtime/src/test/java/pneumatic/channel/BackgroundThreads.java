package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The threads one test starts. {@link #endAll()} runs after each test: it interrupts whatever is
 * still running and fails the test if a thread does not end, so no test leaks a thread into the
 * next one, even when it failed half-way.
 */
final class BackgroundThreads {

    /** Every thread started through this object; added by whichever thread starts one. */
    private final Queue<Background<?>> started = new ConcurrentLinkedQueue<>();

    /** Starts {@code call} on a new daemon thread named {@code name}. */
    <R> Background<R> call(String name, Background.Call<R> call) {
        Background<R> background = Background.start(name, call);
        started.add(background);
        return background;
    }

    /** Starts {@code task} on a new daemon thread named {@code name}. */
    Background<Void> run(String name, Background.Task task) {
        return call(name, () -> {
            task.run();
            return null;
        });
    }

    /** Interrupts every thread still running, waits for each with a bound, fails on a hang. */
    void endAll() {
        List<String> hung = new ArrayList<>();
        Background<?> background;
        while ((background = started.poll()) != null) {
            if (!background.end()) {
                hung.add(background + background.stack());
            }
        }
        if (!hung.isEmpty()) {
            fail("threads did not end even when interrupted: " + hung);
        }
    }
}
