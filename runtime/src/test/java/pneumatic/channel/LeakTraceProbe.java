package pneumatic.channel;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run in a child JVM by {@link LeakDetectionTest}, with {@code -Dpneumatic.channel.leaks=trace}:
 * leaks a sender while a receiver waits, then prints the leak report and its creation trace.
 */
final class LeakTraceProbe {

    private LeakTraceProbe() {}

    public static void main(String[] args) throws InterruptedException {
        Logger logger = Logger.getLogger("pneumatic.channel");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        Object[] reported = new Object[1];
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (reported) {
                    reported[0] = record;
                    reported.notifyAll();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        Receiver<String> rx = leakASender();
        Thread receiving = new Thread(() -> {
            try {
                rx.recv();
            } catch (DisconnectedException | InterruptedException expected) {
                // the leaked sender was closed by the cleaner
            }
        });
        receiving.start();
        synchronized (reported) {
            while (reported[0] == null) {
                System.gc();
                reported.wait(50);
            }
        }
        LogRecord record = (LogRecord) reported[0];
        System.out.println(record.getLevel() + " " + record.getMessage());
        record.getThrown().printStackTrace(System.out);
        receiving.join();
    }

    private static Receiver<String> leakASender() {
        return Channel.<String>unbounded().receiver();
    }
}
