package pneumatic.bench;

import com.lmax.disruptor.SleepingWaitStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.jctools.queues.SpscArrayQueue;
import pneumatic.channel.Channel;

/** Every scenario of the comparison, with its candidates. The names are the table's columns. */
public final class Scenarios {

    private Scenarios() {}

    public static final String PNEUMATIC = "pneumatic";

    static final int CAPACITY = 1024;

    /**
     * How far the producer of S4a may run ahead of its consumer: a sustained flow, whose queue
     * stays short, as opposed to S4c, where the queue grows for as long as the producer is
     * faster (and what it allocates is mostly the backlog itself).
     */
    static final int PACE = 8_192;

    /**
     * Candidates that only some JDKs can run (jox needs Java 21): a class in an optional source
     * folder implements this, and {@link #all()} adds its candidates when the class is there.
     */
    public interface Extension {
        /** The extra candidates of one scenario, by its id; empty if none. */
        List<Candidate> candidates(String scenario);
    }

    /** The jox candidates, compiled only on JDK 21+ (the benchmarks pom's {@code jox} profile). */
    private static final String JOX = "pneumatic.bench.JoxCandidates";

    /** Every scenario, with message counts multiplied by {@code scale}. */
    public static List<Scenario> all() {
        Extension extra = extension(JOX);
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario("S1", "SPSC, bounded(1024), 1 producer -> 1 consumer", 2_000_000, "msg",
                Messages::checksum, with(extra, "S1", List.of(
                        Flows.transfer(PNEUMATIC, 1, 1, () -> new ChannelTransport(Channel.bounded(CAPACITY))),
                        Flows.transfer("ABQ", 1, 1, () -> new QueueTransport(new ArrayBlockingQueue<>(CAPACITY))),
                        Flows.transfer("LBQ", 1, 1, () -> new QueueTransport(new LinkedBlockingQueue<>(CAPACITY))),
                        Flows.transfer("JCTools-SPSC", 1, 1,
                                () -> new JcToolsTransport(new SpscArrayQueue<>(CAPACITY)))))));
        all.add(new Scenario("S2", "MPSC, bounded(1024), 4 producers -> 1 consumer", 2_000_000, "msg",
                Messages::checksum, with(extra, "S2", List.of(
                        Flows.transfer(PNEUMATIC, 4, 1, () -> new ChannelTransport(Channel.bounded(CAPACITY))),
                        Flows.transfer("ABQ", 4, 1, () -> new QueueTransport(new ArrayBlockingQueue<>(CAPACITY))),
                        Flows.transfer("LBQ", 4, 1, () -> new QueueTransport(new LinkedBlockingQueue<>(CAPACITY))),
                        Flows.transfer("LTQ", 4, 1, () -> new QueueTransport(new LinkedTransferQueue<>())),
                        Flows.transfer("JCTools-MPSC", 4, 1,
                                () -> new JcToolsTransport(new MpscArrayQueue<>(CAPACITY))),
                        Flows.transfer("JCTools-Xadd", 4, 1,
                                () -> new JcToolsTransport(new MpscUnboundedXaddArrayQueue<>(CAPACITY)))))));
        all.add(new Scenario("S3", "rendezvous ping-pong, 2 threads, a rendezvous each way", 100_000, "round trip",
                RoundTrips::checksum, with(extra, "S3", List.of(
                        RoundTrips.pingPong(PNEUMATIC, RoundTrips::channels),
                        RoundTrips.pingPong("SynchronousQueue", RoundTrips::synchronousQueues),
                        RoundTrips.pingPong("LTQ-transfer", RoundTrips::transferQueues),
                        RoundTrips.pingPong("Exchanger", RoundTrips::exchanger)))));
        all.add(new Scenario("S4a", "unbounded, sustained: 1 producer -> 1 consumer, at most 8,192 ahead",
                2_000_000, "msg", Messages::checksum, with(extra, "S4a", List.of(
                        Flows.paced(PNEUMATIC, PACE, () -> new ChannelTransport(Channel.unbounded())),
                        Flows.paced("LBQ", PACE, () -> new QueueTransport(new LinkedBlockingQueue<>())),
                        Flows.paced("LTQ", PACE, () -> new QueueTransport(new LinkedTransferQueue<>())),
                        Flows.paced("JCTools-Xadd", PACE,
                                () -> new JcToolsTransport(new MpscUnboundedXaddArrayQueue<>(CAPACITY)))))));
        all.add(new Scenario("S4c", "unbounded, flood: 1 producer -> 1 consumer, the producer free to run ahead",
                2_000_000, "msg", Messages::checksum, with(extra, "S4c", List.of(
                        Flows.transfer(PNEUMATIC, 1, 1, () -> new ChannelTransport(Channel.unbounded())),
                        Flows.transfer("LBQ", 1, 1, () -> new QueueTransport(new LinkedBlockingQueue<>())),
                        Flows.transfer("LTQ", 1, 1, () -> new QueueTransport(new LinkedTransferQueue<>())),
                        Flows.transfer("JCTools-Xadd", 1, 1,
                                () -> new JcToolsTransport(new MpscUnboundedXaddArrayQueue<>(CAPACITY)))))));
        all.add(new Scenario("S4b", "unbounded, bursts of 10,000, 1 producer -> 1 consumer", 2_000_000, "msg",
                Messages::checksum, with(extra, "S4b", List.of(
                        Flows.bursts(PNEUMATIC, 10_000, () -> new ChannelTransport(Channel.unbounded())),
                        Flows.bursts("LBQ", 10_000, () -> new QueueTransport(new LinkedBlockingQueue<>())),
                        Flows.bursts("LTQ", 10_000, () -> new QueueTransport(new LinkedTransferQueue<>())),
                        Flows.bursts("JCTools-Xadd", 10_000,
                                () -> new JcToolsTransport(new MpscUnboundedXaddArrayQueue<>(CAPACITY)))))));
        all.add(new Scenario("S5", "pipeline: source -> step -> sum, 1 thread each, 1024 between steps", 2_000_000,
                "msg", Messages::stepChecksum, with(extra, "S5", List.of(
                        Pipelines.pneumatic(),
                        Pipelines.handWired(),
                        Pipelines.handWiredBatched(),
                        // SleepingWaitStrategy, the best on these 2 cores (2026-12-01, 2M msgs, 5 rounds:
                        // Sleeping 13.9, Yielding 12.9 Mmsgs/s; Blocking 0.26 in a 1M-message run).
                        Pipelines.disruptor("Disruptor", SleepingWaitStrategy::new),
                        Pipelines.reactor()))));
        all.add(new Scenario("S6", "fan-out, 1 producer -> 4 competing consumers", 2_000_000, "msg",
                Messages::checksum, with(extra, "S6", List.of(
                        Flows.transfer(PNEUMATIC, 1, FanOuts.WORKERS,
                                () -> new ChannelTransport(Channel.bounded(CAPACITY))),
                        Flows.transfer("ABQ", 1, FanOuts.WORKERS,
                                () -> new QueueTransport(new ArrayBlockingQueue<>(CAPACITY))),
                        Flows.transfer("LBQ", 1, FanOuts.WORKERS,
                                () -> new QueueTransport(new LinkedBlockingQueue<>(CAPACITY))),
                        Flows.transfer("JCTools-MPMC", 1, FanOuts.WORKERS,
                                () -> new JcToolsTransport(new MpmcArrayQueue<>(CAPACITY))),
                        FanOuts.threadPool(),
                        // SleepingWaitStrategy again: Sleeping 13.1, Yielding 12.9, Blocking 5.2 Mmsgs/s
                        // (same run as S5), and the least CPU of the three.
                        FanOuts.disruptor("Disruptor-4", SleepingWaitStrategy::new)))));
        return all;
    }

    /** The scenario of the given id, for the JMH benchmarks. */
    public static Scenario byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + id));
    }

    private static List<Candidate> with(Extension extra, String scenario, List<Candidate> candidates) {
        if (extra == null) {
            return candidates;
        }
        List<Candidate> all = new ArrayList<>(candidates);
        all.addAll(extra.candidates(scenario));
        return all;
    }

    /** The extension of the given class name, or null if this build does not have it. */
    private static Extension extension(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException notInThisBuild) {
            return null;
        }
        try {
            return type.asSubclass(Extension.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException broken) {
            throw new IllegalStateException(className + " is there but cannot be made", broken);
        }
    }
}
