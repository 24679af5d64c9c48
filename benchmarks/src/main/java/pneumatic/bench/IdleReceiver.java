package pneumatic.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import pneumatic.channel.Channel;
import pneumatic.channel.DisconnectedException;

/**
 * How much CPU a receiver blocked on an empty channel uses once it has waited a millisecond:
 * it must end up parked, not spinning.
 */
final class IdleReceiver {

    private IdleReceiver() {}

    /** The receiver thread's CPU time over half a second of waiting, as a share of that time. */
    @SuppressWarnings("deprecation") // Thread.getId(): its replacement threadId() needs Java 19
    static double cpuShare() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Channel<Long> channel = Channel.bounded(Scenarios.CAPACITY);
        Thread receiver = new Thread(() -> {
            try {
                channel.receiver().recv();
            } catch (DisconnectedException | InterruptedException end) {
                // the measurement is over
            }
        }, "idle-receiver");
        receiver.start();
        TimeUnit.MILLISECONDS.sleep(1);
        long cpu = threads.getThreadCpuTime(receiver.getId());
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(500);
        double share = (double) (threads.getThreadCpuTime(receiver.getId()) - cpu) / (System.nanoTime() - start);
        channel.sender().close();
        receiver.join();
        return share;
    }
}
