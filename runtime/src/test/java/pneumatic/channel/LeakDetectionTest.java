package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A handle that becomes unreachable without {@code close()} is closed by the cleaner, so the
 * other end does not wait forever, and reported: a warning when a thread was blocked, a debug
 * message otherwise, with its creation site when {@code -Dpneumatic.channel.leaks=trace}.
 */
class LeakDetectionTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    /** The channel package's logger, as System.Logger maps it onto java.util.logging. */
    private final Logger logger = Logger.getLogger("pneumatic.channel");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    /** Run by the cleaner's thread as it reports, before the record is kept; a test may set it. */
    private volatile Consumer<LogRecord> whileReporting = record -> {};

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            whileReporting.accept(record);
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level level;
    private boolean parents;

    /*
     * Other test classes in this JVM leave handles unclosed too, and the cleaner reports them
     * whenever it finds them; each test here looks only at reports about a channel of its own,
     * told apart by a capacity no other test uses.
     */
    private static final int LEAKED_SENDER = 4001;
    private static final int DROPPED_CHANNEL = 4002;
    private static final int CLOSED_PROPERLY = 4003;
    private static final int MARKER = 4004;

    @BeforeEach
    void captureTheLog() {
        level = logger.getLevel();
        parents = logger.getUseParentHandlers();
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void restoreTheLog() {
        logger.removeHandler(capture);
        logger.setLevel(level);
        logger.setUseParentHandlers(parents);
    }

    /** A receiver of a channel whose only sender is left unclosed and unreachable. */
    private static Receiver<String> receiverOfALeakedSender() {
        Channel<String> channel = Channel.bounded(LEAKED_SENDER);
        channel.sender().trySend("sent before the leak");
        return channel.receiver(); // the Channel, and with it the original sender, is now garbage
    }

    /** The leak reports so far about handles of a bounded channel of that capacity. */
    private List<LogRecord> leakReports(int capacity) {
        String about = " of a bounded(" + capacity + ") channel became unreachable without close()";
        return records.stream()
                .filter(r -> r.getMessage().contains(about))
                .collect(Collectors.toList());
    }

    @Test
    void anUnclosedLastSenderIsClosedSoTheBlockedReceiverSeesTheEnd() {
        assertTimeoutPreemptively(BOUND, () -> {
            Receiver<String> rx = receiverOfALeakedSender();
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            // A program whose receiver ends here may end before a report logged after the
            // release that wakes it: the report must come first, while the channel is connected.
            AtomicReference<String> channelWhenReported = new AtomicReference<>();
            whileReporting = record -> {
                if (!record.getMessage().contains(" of a bounded(" + LEAKED_SENDER + ") channel")) {
                    return; // a handle another test leaked
                }
                try {
                    rx.tryRecv();
                    channelWhenReported.compareAndSet(null, "connected");
                } catch (DisconnectedException e) {
                    channelWhenReported.compareAndSet(null, "disconnected");
                }
            };
            Thread receiving = new Thread(() -> {
                try {
                    assertEquals("sent before the leak", rx.recv());
                    rx.recv(); // blocks until the cleaner closes the leaked sender
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "receiving");
            receiving.start();
            while (receiving.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            while (receiving.isAlive()) {
                System.gc();
                receiving.join(100);
            }
            assertTrue(outcome.get() instanceof DisconnectedException, "the receiver got " + outcome.get());
            List<LogRecord> reports = awaitReports(LEAKED_SENDER, 1);
            assertEquals("connected", channelWhenReported.get(), "the channel as the leak was reported");
            assertEquals(1, reports.size(), "one handle leaked");
            assertTrue(reports.get(0).getMessage().contains("(now Channel[bounded(4001), senders=0, receivers=1])"),
                    reports.get(0).getMessage());
            assertEquals(Level.WARNING, reports.get(0).getLevel());
            assertTrue(reports.get(0).getMessage().startsWith("a Sender of a bounded(4001) channel became unreachable"
                    + " without close(), so it was closed by the garbage collector while a thread was blocked on"
                    + " the channel"), reports.get(0).getMessage());
            assertTrue(reports.get(0).getMessage().contains("-Dpneumatic.channel.leaks=trace"));
            rx.close();
        });
    }

    @Test
    void aWholeChannelDroppedWithItsHandlesIsReportedAtDebugOnly() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel.<String>bounded(DROPPED_CHANNEL).sender().trySend("forgotten");
            List<LogRecord> reports = awaitReports(DROPPED_CHANNEL, 2); // its sender and its receiver
            for (LogRecord report : reports) {
                assertEquals(Level.FINE, report.getLevel(), report.getMessage()); // System.Logger DEBUG
            }
        });
    }

    @Test
    void aClosedHandleIsNeverReported() {
        assertTimeoutPreemptively(BOUND, () -> {
            Channel<String> channel = Channel.bounded(CLOSED_PROPERLY);
            Sender<String> clone = channel.sender().clone();
            clone.close();
            channel.sender().close();
            channel.receiver().close();
            channel = null;
            clone = null;
            // Something that is reported, as a marker that the cleaner has run meanwhile.
            Channel.<String>bounded(MARKER).receiver().clone();
            awaitReports(MARKER, 1);
            Thread.sleep(100); // give a (wrong) report of the closed handles its chance too
            System.gc();
            assertEquals(List.of(), leakReports(CLOSED_PROPERLY));
        });
    }

    @Test
    void withTracingTheReportShowsWhereTheHandleWasCreated() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + Handle.TRACE_PROPERTY + "=trace", LeakTraceProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.exitValue(), output);
        assertTrue(output.contains("the Sender of an unbounded channel was created here"), output);
        assertTrue(output.contains("at " + LeakTraceProbe.class.getName() + ".leakASender"), output);
    }

    /**
     * The cleaner's thread, which serves the whole JVM and never ends, belongs to no application:
     * a launcher that waits for its application's threads (as {@code mvn exec:java} does, 15
     * seconds for daemon threads too, after every run of the sample app until this was found)
     * does not wait for it, and it keeps no application's class loader alive.
     */
    @Test
    void theCleanersThreadIsLeftOutOfTheApplicationThatMadeTheFirstChannel() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LauncherProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.exitValue(), output);
        assertEquals("no thread left behind", output.strip());
    }

    /**
     * close() keeps its handle reachable until it has given the count back: else the cleaner can
     * win the race to close it (found by a review: 53 false leak reports and 47,494 counts given
     * back after close() returned, in 40 s of the probe's loop without the fence).
     */
    @Test
    void aHandleClosedByHandIsNeverClosedByTheCleanerMeanwhile() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Only this package compiled, at once and by C2 (which drops a local the moment it is
        // dead), except Handle.close, kept interpreted: the window in which a handle whose
        // close() did not keep it reachable could be collected, found in every run that way.
        Process probe = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:-TieredCompilation", "-Xcomp",
                "-XX:CompileCommand=quiet", "-XX:CompileCommand=compileonly,pneumatic.channel.*::*",
                "-XX:CompileCommand=exclude,pneumatic.channel.Handle::close",
                "-cp", System.getProperty("java.class.path"), CloseRaceProbe.class.getName(), "3")
                .redirectErrorStream(true)
                .start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print("CloseRaceProbe: " + output);
        assertEquals(0, probe.exitValue(), output);
    }

    /** Waits, with garbage collections, until at least {@code count} such leaks are reported. */
    private List<LogRecord> awaitReports(int capacity, int count) throws InterruptedException {
        while (leakReports(capacity).size() < count) {
            System.gc();
            Thread.sleep(10);
        }
        return leakReports(capacity);
    }
}
