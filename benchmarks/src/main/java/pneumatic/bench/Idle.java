package pneumatic.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import pneumatic.channel.Channel;
import pneumatic.channel.DisconnectedException;

/**
 * How much CPU a thread blocked on a channel uses once it has waited a millisecond: it must end
 * up parked, not spinning. One thread per way of blocking (a receiver on an empty channel of
 * each flavor, a sender on a full bounded channel and on a rendezvous that nobody receives
 * from), all blocked at once and measured over the same 50 ms, so that this costs no more time
 * than one of them would.
 */
final class Idle {

    private Idle() {}

    /**
     * The measuring window, after the first millisecond of each thread's wait: short, so that
     * 1% of it is half a millisecond, and a thread that went on spinning even that long fails.
     */
    private static final long WINDOW_MILLIS = 50;

    /**
     * One way of blocking, and the CPU its thread used over the window.
     *
     * @param what e.g. "receiver, unbounded, empty"
     * @param cpuShare the thread's CPU time over the window, as a share of the window
     */
    record Wait(String what, double cpuShare) {}

    /** A thread that blocks once. */
    private interface Blocking {
        /** Blocks; returns or throws only when the measurement releases it. */
        void block(Runnable blockingNow) throws InterruptedException;
    }

    /** One blocked thread: how it blocks, how it is released, and when it started to block. */
    private static final class Case {
        final String what;
        final Thread thread;
        final Runnable release;
        final AtomicLong blockedAt = new AtomicLong();

        /** Set by the measuring thread before it releases this one, so that its return is expected. */
        volatile boolean released;

        /** The thread's CPU time at the start of the measurement; written by the measuring thread. */
        long cpuBefore;

        Case(String what, Blocking blocking, Runnable release, CountDownLatch ready,
                AtomicReference<String> early) {
            this.what = what;
            this.release = release;
            this.thread = new Thread(() -> {
                try {
                    blocking.block(() -> {
                        blockedAt.set(System.nanoTime());
                        ready.countDown();
                    });
                } catch (DisconnectedException | InterruptedException end) {
                    // released
                }
                if (!released) {
                    early.compareAndSet(null, what);
                }
            }, "idle-" + what.replace(", ", "-").replace(' ', '-'));
        }
    }

    /** Every way of blocking, each measured; the caller gates on the worst. */
    @SuppressWarnings("deprecation") // Thread.getId(): its replacement threadId() needs Java 19
    static List<Wait> measure() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Channel<Long> unbounded = Channel.unbounded();
        Channel<Long> bounded = Channel.bounded(Scenarios.CAPACITY);
        Channel<Long> rendezvous = Channel.rendezvous();
        Channel<Long> full = Channel.bounded(Scenarios.CAPACITY);
        Channel<Long> unreceived = Channel.rendezvous();
        CountDownLatch ready = new CountDownLatch(5);
        AtomicReference<String> early = new AtomicReference<>();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("receiver, unbounded, empty", now -> {
            now.run();
            unbounded.receiver().recv();
        }, () -> unbounded.sender().close(), ready, early));
        cases.add(new Case("receiver, bounded(1024), empty", now -> {
            now.run();
            bounded.receiver().recv();
        }, () -> bounded.sender().close(), ready, early));
        cases.add(new Case("receiver, rendezvous, no sender", now -> {
            now.run();
            rendezvous.receiver().recv();
        }, () -> rendezvous.sender().close(), ready, early));
        cases.add(new Case("sender, bounded(1024), full", now -> {
            for (int i = 0; i < Scenarios.CAPACITY; i++) {
                full.sender().send(Messages.get(i)); // room for each: returns at once
            }
            now.run();
            full.sender().send(Messages.get(Scenarios.CAPACITY));
        }, () -> full.receiver().close(), ready, early));
        cases.add(new Case("sender, rendezvous, no receiver", now -> {
            now.run();
            unreceived.sender().send(Messages.get(0));
        }, () -> unreceived.receiver().close(), ready, early));
        for (Case c : cases) {
            c.thread.start();
        }
        if (!ready.await(10, TimeUnit.SECONDS)) {
            for (Case c : cases) {
                c.released = true;
                c.release.run();
            }
            throw new IllegalStateException("idle: a thread did not get as far as blocking in 10 s");
        }
        long last = cases.stream().mapToLong(c -> c.blockedAt.get()).max().getAsLong();
        long firstMillisecondOver = last + TimeUnit.MILLISECONDS.toNanos(1) - System.nanoTime();
        if (firstMillisecondOver > 0) {
            TimeUnit.NANOSECONDS.sleep(firstMillisecondOver);
        }
        for (Case c : cases) {
            c.cpuBefore = threads.getThreadCpuTime(c.thread.getId());
        }
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(WINDOW_MILLIS);
        List<Wait> waits = new ArrayList<>();
        long[] cpuAfter = new long[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            cpuAfter[i] = threads.getThreadCpuTime(cases.get(i).thread.getId());
        }
        long elapsed = System.nanoTime() - start;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            waits.add(new Wait(c.what, (double) (cpuAfter[i] - c.cpuBefore) / elapsed));
            c.released = true;
            c.release.run();
        }
        for (Case c : cases) {
            c.thread.join();
        }
        for (Channel<Long> channel : List.of(unbounded, bounded, rendezvous, full, unreceived)) {
            channel.sender().close();
            channel.receiver().close();
        }
        if (early.get() != null) {
            throw new IllegalStateException("idle: the " + early.get() + " returned before it was released");
        }
        return waits;
    }
}
