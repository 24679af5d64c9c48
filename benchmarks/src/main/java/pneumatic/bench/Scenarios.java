package pneumatic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.jctools.queues.SpscArrayQueue;
import pneumatic.channel.Channel;

/** Every scenario of the comparison, with its candidates. The names are the table's columns. */
public final class Scenarios {

    private Scenarios() {}

    public static final String PNEUMATIC = "pneumatic";

    static final int CAPACITY = 1024;

    /** Every scenario, with message counts multiplied by {@code scale}. */
    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario("S1", "SPSC, bounded(1024), 1 producer -> 1 consumer", 2_000_000, "msgs",
                Messages::checksum, List.of(
                        Flows.transfer(PNEUMATIC, 1, 1, () -> new ChannelTransport(Channel.bounded(CAPACITY))),
                        Flows.transfer("ABQ", 1, 1, () -> new QueueTransport(new ArrayBlockingQueue<>(CAPACITY))),
                        Flows.transfer("LBQ", 1, 1, () -> new QueueTransport(new LinkedBlockingQueue<>(CAPACITY))),
                        Flows.transfer("JCTools-SPSC", 1, 1,
                                () -> new JcToolsTransport(new SpscArrayQueue<>(CAPACITY))))));
        all.add(new Scenario("S2", "MPSC, bounded(1024), 4 producers -> 1 consumer", 2_000_000, "msgs",
                Messages::checksum, List.of(
                        Flows.transfer(PNEUMATIC, 4, 1, () -> new ChannelTransport(Channel.bounded(CAPACITY))),
                        Flows.transfer("ABQ", 4, 1, () -> new QueueTransport(new ArrayBlockingQueue<>(CAPACITY))),
                        Flows.transfer("LBQ", 4, 1, () -> new QueueTransport(new LinkedBlockingQueue<>(CAPACITY))),
                        Flows.transfer("LTQ", 4, 1, () -> new QueueTransport(new LinkedTransferQueue<>())),
                        Flows.transfer("JCTools-MPSC", 4, 1,
                                () -> new JcToolsTransport(new MpscArrayQueue<>(CAPACITY))),
                        Flows.transfer("JCTools-Xadd", 4, 1,
                                () -> new JcToolsTransport(new MpscUnboundedXaddArrayQueue<>(CAPACITY))))));
        all.add(new Scenario("S4a", "unbounded, sustained, 1 producer -> 1 consumer", 2_000_000, "msgs",
                Messages::checksum, List.of(
                        Flows.transfer(PNEUMATIC, 1, 1, () -> new ChannelTransport(Channel.unbounded())),
                        Flows.transfer("LBQ", 1, 1, () -> new QueueTransport(new LinkedBlockingQueue<>())),
                        Flows.transfer("LTQ", 1, 1, () -> new QueueTransport(new LinkedTransferQueue<>())),
                        Flows.transfer("JCTools-Xadd", 1, 1,
                                () -> new JcToolsTransport(new MpscUnboundedXaddArrayQueue<>(CAPACITY))))));
        all.add(new Scenario("S4b", "unbounded, bursts of 10,000, 1 producer -> 1 consumer", 2_000_000, "msgs",
                Messages::checksum, List.of(
                        Flows.bursts(PNEUMATIC, 10_000, () -> new ChannelTransport(Channel.unbounded())),
                        Flows.bursts("LBQ", 10_000, () -> new QueueTransport(new LinkedBlockingQueue<>())),
                        Flows.bursts("LTQ", 10_000, () -> new QueueTransport(new LinkedTransferQueue<>())),
                        Flows.bursts("JCTools-Xadd", 10_000,
                                () -> new JcToolsTransport(new MpscUnboundedXaddArrayQueue<>(CAPACITY))))));
        return all;
    }
}
