package pneumatic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The shapes of work the scenarios share: {@code p} producers and {@code c} consumers on one
 * pipe. Each producer sends its share of the message indices; each consumer adds up what it
 * receives. The same code runs every candidate, so only the pipe is compared.
 */
public final class Flows {

    private Flows() {}

    /** A candidate that moves messages from {@code producers} to {@code consumers} threads. */
    public static Candidate transfer(String name, int producers, int consumers, Supplier<Transport> transports) {
        return Candidate.of(name, messages -> {
            Transport transport = transports.get();
            Steady steady = new Steady();
            AtomicLong sum = new AtomicLong();
            List<Transport.Producer> senders = new ArrayList<>();
            List<Transport.Consumer> receivers = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                senders.add(transport.producer());
            }
            for (int c = 0; c < consumers; c++) {
                receivers.add(transport.consumer());
            }
            transport.wired();
            Threads threads = new Threads();
            for (int c = 0; c < consumers; c++) {
                Transport.Consumer in = receivers.get(c);
                Steady.Window window = steady.window(messages / consumers, false);
                threads.start(name + "-consumer-" + c, () -> {
                    long local = 0;
                    int moved = 0;
                    for (Long message; (message = in.next()) != null; ) {
                        local += message;
                        window.at(++moved);
                    }
                    sum.addAndGet(local);
                });
            }
            for (int p = 0; p < producers; p++) {
                Transport.Producer out = senders.get(p);
                int from = (int) ((long) messages * p / producers);
                int to = (int) ((long) messages * (p + 1) / producers);
                Steady.Window window = steady.window(to - from, true);
                threads.start(name + "-producer-" + p, () -> {
                    int moved = 0;
                    for (int i = from; i < to; i++) {
                        out.send(Messages.get(i));
                        window.at(++moved);
                    }
                    out.done();
                });
            }
            threads.joinAll();
            steady.publish();
            return sum.get();
        });
    }

    /**
     * A candidate that moves messages from one producer to one consumer while the producer stays
     * at most about {@code window} messages ahead: the producer checks every 64 messages how far
     * the consumer has got (the consumer publishes it every 64 messages) and yields while it is
     * too far ahead. The same for every candidate; it keeps an unbounded queue short.
     */
    public static Candidate paced(String name, int window, Supplier<Transport> transports) {
        return Candidate.of(name, messages -> {
            Transport transport = transports.get();
            Transport.Producer out = transport.producer();
            Transport.Consumer in = transport.consumer();
            transport.wired();
            AtomicLong received = new AtomicLong();
            Steady steady = new Steady();
            AtomicLong sum = new AtomicLong();
            Threads threads = new Threads();
            Steady.Window consumerWindow = steady.window(messages, false);
            threads.start(name + "-consumer", () -> {
                long local = 0;
                int moved = 0;
                for (Long message; (message = in.next()) != null; ) {
                    local += message;
                    consumerWindow.at(++moved);
                    if ((moved & 63) == 0) {
                        received.lazySet(moved);
                    }
                }
                sum.set(local);
            });
            Steady.Window producerWindow = steady.window(messages, true);
            threads.start(name + "-producer", () -> {
                int moved = 0;
                for (int i = 0; i < messages; i++) {
                    out.send(Messages.get(i));
                    producerWindow.at(++moved);
                    if ((moved & 63) == 0) {
                        while (moved - received.get() > window) {
                            Thread.yield();
                        }
                    }
                }
                out.done();
            });
            threads.joinAll();
            steady.publish();
            return sum.get();
        });
    }

    /**
     * A candidate that sends bursts of {@code burst} messages from one producer to one consumer,
     * each burst only once the consumer has taken the previous one: the queue fills and drains.
     */
    public static Candidate bursts(String name, int burst, Supplier<Transport> transports) {
        return Candidate.of(name, messages -> {
            Transport transport = transports.get();
            Transport.Producer out = transport.producer();
            Transport.Consumer in = transport.consumer();
            transport.wired();
            java.util.concurrent.Semaphore drained = new java.util.concurrent.Semaphore(0);
            Steady steady = new Steady();
            AtomicLong sum = new AtomicLong();
            Threads threads = new Threads();
            Steady.Window consumerWindow = steady.window(messages, false);
            threads.start(name + "-consumer", () -> {
                long local = 0;
                int moved = 0;
                for (Long message; (message = in.next()) != null; ) {
                    local += message;
                    consumerWindow.at(++moved);
                    if (moved % burst == 0) {
                        drained.release();
                    }
                }
                sum.set(local);
            });
            Steady.Window producerWindow = steady.window(messages, true);
            threads.start(name + "-producer", () -> {
                int moved = 0;
                for (int i = 0; i < messages; i++) {
                    out.send(Messages.get(i));
                    producerWindow.at(++moved);
                    if (moved % burst == 0) {
                        drained.acquire(); // wait until the consumer has emptied the queue
                    }
                }
                out.done();
            });
            threads.joinAll();
            steady.publish();
            return sum.get();
        });
    }
}
