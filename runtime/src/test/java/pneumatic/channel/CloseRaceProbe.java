package pneumatic.channel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run in a child JVM by {@link LeakDetectionTest}, with {@code Handle.close} kept interpreted
 * (which widens the window) and another thread collecting garbage all the time: closes clones of
 * both ends by hand, as fast as it can, for the seconds of its argument. A handle whose
 * {@code close()} did not keep it reachable could be collected while it ran and closed by the
 * cleaner first; the cleaner would then report a leak for a handle that was closed by hand, and
 * the count would come back only after {@code close()} had returned. It prints what it saw and
 * exits with status 1 if either happened.
 */
final class CloseRaceProbe {

    private CloseRaceProbe() {}

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger reports = new AtomicInteger();
        Logger logger = Logger.getLogger("pneumatic.channel");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (reports.incrementAndGet() <= 3) { // every handle here is closed by hand: any report is wrong
                    System.out.println("leak report: " + record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        AtomicBoolean done = new AtomicBoolean();
        Thread collector = new Thread(() -> {
            while (!done.get()) {
                System.gc();
            }
        }, "collector");
        collector.setDaemon(true);
        collector.start();

        Channel<Integer> channel = Channel.unbounded();
        String counts = "Channel[unbounded, senders=1, receivers=1]";
        long closes = 0;
        long early = 0;
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        while (System.nanoTime() < end) {
            early += closeClones(channel, counts);
            closes += 2_000;
        }
        channel.sender().close();
        channel.receiver().close();
        done.set(true);
        collector.join();
        System.gc();
        Thread.sleep(200); // the cleaner's last reports, if any
        System.out.println(closes + " handles closed by hand; leak reports: " + reports.get()
                + "; close() returned before its count was given back: " + early);
        System.exit(reports.get() == 0 && early == 0 ? 0 : 1);
    }

    /**
     * Closes 1,000 clones of each end; returns how many times the counts were not back to one
     * each right after. A method of its own, so that it is compiled as a whole, not only on-stack.
     */
    private static int closeClones(Channel<Integer> channel, String counts) {
        int early = 0;
        for (int i = 0; i < 1_000; i++) {
            channel.sender().clone().close();
            channel.receiver().clone().close();
            if (!channel.toString().equals(counts)) {
                early++;
            }
        }
        return early;
    }
}
