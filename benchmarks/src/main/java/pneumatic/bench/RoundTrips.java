package pneumatic.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import pneumatic.channel.Channel;

/**
 * The shape of the rendezvous scenario (S3): two threads, a pinger and a ponger, and two
 * rendezvous hops between them. One round trip is a ping (the {@code i}-th message) and its pong
 * ({@link Messages#step} of it), each a hand-off that waits for the other thread, so every round
 * trip pays two hand-offs and, when a side has to park, two wake-ups. Both threads know the count,
 * so no end marker is needed. The pinger adds up the pongs and the ponger the pings, which
 * {@link #checksum(int)} checks: every message went both ways exactly once, and each pong answered
 * its own ping.
 */
public final class RoundTrips {

    private RoundTrips() {}

    /** One direction of the exchange: a blocking hand-off. */
    public interface Hop {
        void send(Long message) throws InterruptedException;

        Long receive() throws InterruptedException;

        /** Called by the sending thread after its last send. */
        default void doneSending() {}

        /** Called by the receiving thread after its last receive. */
        default void doneReceiving() {}
    }

    /** The two directions of one run. */
    public record Wire(Hop ping, Hop pong) {}

    /** What the pinger and the ponger add up to over {@code n} round trips. */
    public static long checksum(int n) {
        return Messages.checksum(n) + Messages.stepChecksum(n);
    }

    /** A candidate whose run makes its count of round trips over a fresh wire from {@code wires}. */
    public static Candidate pingPong(String name, Supplier<Wire> wires) {
        return Candidate.of(name, roundTrips -> {
            Wire wire = wires.get();
            long[] sums = new long[2]; // [0] by the pinger, [1] by the ponger; read after the joins
            Threads threads = new Threads();
            threads.start(name + "-ponger", () -> {
                long sum = 0;
                for (int i = 0; i < roundTrips; i++) {
                    Long ping = wire.ping().receive();
                    sum += ping;
                    wire.pong().send(Messages.step(ping));
                }
                wire.ping().doneReceiving();
                wire.pong().doneSending();
                sums[1] = sum;
            });
            threads.start(name + "-pinger", () -> {
                long sum = 0;
                for (int i = 0; i < roundTrips; i++) {
                    wire.ping().send(Messages.get(i));
                    sum += wire.pong().receive();
                }
                wire.ping().doneSending();
                wire.pong().doneReceiving();
                sums[0] = sum;
            });
            threads.joinAll();
            return sums[0] + sums[1];
        });
    }

    /** Pneumatic: {@code Channel.rendezvous()} each way. */
    public static Wire channels() {
        return new Wire(channelHop(Channel.rendezvous()), channelHop(Channel.rendezvous()));
    }

    private static Hop channelHop(Channel<Long> channel) {
        return new Hop() {
            @Override
            public void send(Long message) throws InterruptedException {
                channel.sender().send(message);
            }

            @Override
            public Long receive() throws InterruptedException {
                return channel.receiver().recv();
            }

            @Override
            public void doneSending() {
                channel.sender().close();
            }

            @Override
            public void doneReceiving() {
                channel.receiver().close();
            }
        };
    }

    /** {@link SynchronousQueue} each way, with {@code put}/{@code take}. */
    public static Wire synchronousQueues() {
        return new Wire(queueHop(new SynchronousQueue<>()), queueHop(new SynchronousQueue<>()));
    }

    private static Hop queueHop(BlockingQueue<Long> queue) {
        return new Hop() {
            @Override
            public void send(Long message) throws InterruptedException {
                queue.put(message);
            }

            @Override
            public Long receive() throws InterruptedException {
                return queue.take();
            }
        };
    }

    /**
     * {@link LinkedTransferQueue} each way, with {@code transfer}/{@code take}: a transfer waits
     * until the consumer has the value, which makes it a rendezvous. (Its timed {@code poll}
     * stalls on JDK 17, JDK-8301341, so none is used.)
     */
    public static Wire transferQueues() {
        return new Wire(transferHop(new LinkedTransferQueue<>()), transferHop(new LinkedTransferQueue<>()));
    }

    private static Hop transferHop(LinkedTransferQueue<Long> queue) {
        return new Hop() {
            @Override
            public void send(Long message) throws InterruptedException {
                queue.transfer(message);
            }

            @Override
            public Long receive() throws InterruptedException {
                return queue.take();
            }
        };
    }

    /**
     * One {@link Exchanger} for both directions, as the JDK documents it for two threads that
     * trade: a hop is one exchange, in which the sender gives the message and the receiver gives
     * nothing. The two threads alternate strictly, so the two directions never mix.
     */
    public static Wire exchanger() {
        Exchanger<Long> exchanger = new Exchanger<>();
        Hop hop = new Hop() {
            @Override
            public void send(Long message) throws InterruptedException {
                exchanger.exchange(message);
            }

            @Override
            public Long receive() throws InterruptedException {
                return exchanger.exchange(null);
            }
        };
        return new Wire(hop, hop);
    }
}
