package pneumatic.sample;

import java.io.PrintStream;
import java.util.Optional;
import pneumatic.channel.Channel;
import pneumatic.channel.DisconnectedException;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;

/**
 * A short tour of the channels, one small scene per feature, each printing what happens as it
 * happens. It retells the examples of Rust's {@code std::sync::mpsc} documentation in Java.
 */
public final class ChannelTour {

    private final PrintStream out;
    private final long start = System.nanoTime();

    /** The thread that runs the tour: shown as "main", whatever exec:java has named it. */
    private final Thread caller = Thread.currentThread();

    ChannelTour(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs every scene of the tour.
     *
     * @param args ignored
     * @throws InterruptedException if the main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        new ChannelTour(System.out).run();
    }

    void run() throws InterruptedException {
        oneMessageFromAThread();
        threeProducersAndTheOriginalDropped();
        boundedChannelPacesASlowConsumer();
        tryRecvHasThreeOutcomes();
        rendezvousHandsOver();
    }

    /** A thread sends one value; the main thread waits for it. */
    void oneMessageFromAThread() throws InterruptedException {
        scene("1. One message from a thread");
        Channel<Integer> ch = Channel.unbounded();
        Sender<Integer> tx = ch.sender();
        Thread worker = start("worker", () -> {
            try (tx) {
                say("worker sends 10");
                tx.send(10);
            }
        });
        say("main received " + ch.receiver().recv());
        worker.join();
    }

    /** Each producer gets its own clone; dropping the original lets the loop end by itself. */
    void threeProducersAndTheOriginalDropped() throws InterruptedException {
        scene("2. Three producers with cloned senders; the original is dropped");
        Channel<String> ch = Channel.unbounded();
        Sender<String> tx = ch.sender();
        Thread[] producers = new Thread[3];
        for (int id = 0; id < producers.length; id++) {
            Sender<String> mine = tx.clone();
            int producer = id;
            producers[id] = start("producer-" + id, () -> {
                try (mine) {
                    mine.send("hello from producer " + producer);
                }
            });
        }
        tx.close();
        say("main closed the original sender; 3 clones remain, one per producer");
        int received = 0;
        for (String message : ch.receiver()) {
            say("main received \"" + message + "\"");
            received++;
        }
        say("the loop ended by itself after " + received + " messages: every sender is closed");
        for (Thread producer : producers) {
            producer.join();
        }
    }

    /** With room for 2, a fast producer runs at most 2 values ahead of a slow consumer. */
    void boundedChannelPacesASlowConsumer() throws InterruptedException {
        scene("3. A bounded channel of capacity 2 paces a slow consumer");
        Channel<Integer> ch = Channel.bounded(2);
        Sender<Integer> tx = ch.sender();
        Thread producer = start("producer", () -> {
            try (tx) {
                for (int i = 1; i <= 5; i++) {
                    if (!tx.trySend(i)) {
                        say("producer: channel full, waiting to send " + i);
                        tx.send(i);
                    }
                    say("producer sent " + i);
                }
            }
        });
        for (int value : ch.receiver()) {
            say("consumer took " + value + " and works on it for 30 ms");
            Thread.sleep(30);
        }
        producer.join();
    }

    /** tryRecv never waits: a value, nothing yet, or the end. */
    void tryRecvHasThreeOutcomes() throws InterruptedException {
        scene("4. tryRecv has three outcomes");
        Channel<String> ch = Channel.unbounded();
        Receiver<String> rx = ch.receiver();
        ch.sender().send("ready");
        say("tryRecv with a value buffered: " + rx.tryRecv());
        say("tryRecv with nothing buffered:  " + rx.tryRecv());
        ch.sender().close();
        try {
            Optional<String> none = rx.tryRecv();
            say("unexpected: " + none);
        } catch (DisconnectedException e) {
            say("tryRecv after the last sender closed: DisconnectedException");
        }
    }

    /** A rendezvous has no buffer: send returns only once the receiver holds the value. */
    void rendezvousHandsOver() throws InterruptedException {
        scene("5. A rendezvous hands the value over directly");
        Channel<String> ch = Channel.rendezvous();
        Sender<String> tx = ch.sender();
        Thread sender = start("sender", () -> {
            try (tx) {
                say("sender offers \"baton\" and waits for a receiver");
                tx.send("baton");
                say("sender's send returned: the receiver has the baton");
            }
        });
        Thread.sleep(50); // let the sender wait a little first
        say("main: 50 ms later the sender is still blocked in send (" + sender.getState() + ")");
        say("main received \"" + ch.receiver().recv() + "\"");
        sender.join();
    }

    private void scene(String title) {
        out.println();
        out.println(title);
    }

    private void say(String line) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        Thread thread = Thread.currentThread();
        out.printf("  %4d ms  %-11s %s%n", millis, thread == caller ? "main" : thread.getName(), line);
    }

    /** A body that may be interrupted; the tour's threads never are, so that would be a bug. */
    private interface Body {
        void run() throws InterruptedException;
    }

    private static Thread start(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + " was interrupted", e);
            }
        }, name);
        thread.start();
        return thread;
    }
}
