package pneumatic.bench;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.ChannelClosed;
import com.softwaremill.jox.ChannelDone;
import com.softwaremill.jox.ChannelError;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jox (softwaremill) channels as candidates of S1, S2 and S3. jox needs Java 21, so this
 * class is compiled only by the benchmarks pom's {@code jox} profile (JDK 21+), and
 * {@link Scenarios} finds it by name at run time. jox is used as its README shows: {@code send},
 * {@code receiveOrClosed} until a {@link ChannelClosed}, and {@code done()} once the producers
 * are finished. Its channels are built for virtual threads; here, as for every other candidate,
 * the threads are platform threads.
 */
public final class JoxCandidates implements Scenarios.Extension {

    private static final String NAME = "jox";

    public JoxCandidates() {}

    @Override
    public List<Candidate> candidates(String scenario) {
        return switch (scenario) {
            case "S1" -> List.of(Flows.transfer(NAME, 1, 1,
                    () -> new JoxTransport(Channel.newBufferedChannel(Scenarios.CAPACITY))));
            case "S2" -> List.of(Flows.transfer(NAME, 4, 1,
                    () -> new JoxTransport(Channel.newBufferedChannel(Scenarios.CAPACITY))));
            case "S3" -> List.of(RoundTrips.pingPong(NAME, () -> new RoundTrips.Wire(
                    hop(Channel.newRendezvousChannel()), hop(Channel.newRendezvousChannel()))));
            default -> List.of();
        };
    }

    /** A jox channel between producers and consumers; the last producer to finish calls done(). */
    private static final class JoxTransport implements Transport {
        private final Channel<Long> channel;
        private final AtomicInteger producers = new AtomicInteger();

        JoxTransport(Channel<Long> channel) {
            this.channel = channel;
        }

        @Override
        public Producer producer() {
            producers.incrementAndGet();
            return new Producer() {
                @Override
                public void send(Long message) throws InterruptedException {
                    channel.send(message);
                }

                @Override
                public void done() {
                    if (producers.decrementAndGet() == 0) {
                        channel.done();
                    }
                }
            };
        }

        @Override
        public Consumer consumer() {
            return () -> {
                Object next = channel.receiveOrClosed();
                if (next instanceof ChannelDone) {
                    return null;
                }
                if (next instanceof ChannelError error) {
                    throw error.toException();
                }
                return (Long) next;
            };
        }
    }

    private static RoundTrips.Hop hop(Channel<Long> channel) {
        return new RoundTrips.Hop() {
            @Override
            public void send(Long message) throws InterruptedException {
                channel.send(message);
            }

            @Override
            public Long receive() throws InterruptedException {
                return channel.receive();
            }
        };
    }
}
