package pneumatic.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.SpscArrayQueue;
import pneumatic.channel.Channel;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;

/**
 * Scenario S7: what single operations cost on one thread with no peer (crossbeam's "seq"
 * benchmarks): a send and a receive on a buffered channel, a non-blocking receive that finds
 * nothing, a timed receive that expires, and cloning and closing a sender. Each operation runs
 * in interleaved rounds like the other scenarios, and the table shows the median nanoseconds
 * per operation and the bytes the calling thread allocated per operation.
 */
final class Costs {

    private Costs() {}

    /** One operation, run {@code count} times in a row; returns a result that depends on each. */
    @FunctionalInterface
    private interface Body {
        long run(int count) throws Exception;
    }

    /**
     * One row of the table.
     *
     * @param operation what is measured, the same for Pneumatic and its peers
     * @param candidate who does it
     * @param operations how many operations per round, before scaling
     * @param expected what {@code body} must return for a count, so that no loop does less
     */
    private record Op(String operation, String candidate, int operations, Scenario.Checksum expected, Body body) {}

    private static final Scenario.Checksum NOTHING = n -> 0;
    private static final Scenario.Checksum EACH = n -> n;

    /** A 1 ns timeout: the smallest that is still a timed wait rather than a single attempt. */
    private static final Duration ONE_NANO = Duration.ofNanos(1);

    private static final int CHEAP = 2_000_000;
    private static final int TIMED = 100_000;
    private static final int CLONES = 500_000;

    private static List<Op> all() {
        List<Op> ops = new ArrayList<>();
        Channel<Long> full = Channel.bounded(Scenarios.CAPACITY);
        ops.add(new Op("send + recv, bounded(1024)", Scenarios.PNEUMATIC, CHEAP, Messages::checksum, count -> {
            Sender<Long> tx = full.sender();
            Receiver<Long> rx = full.receiver();
            long sum = 0;
            for (int i = 0; i < count; i++) {
                tx.send(Messages.get(i));
                sum += rx.recv();
            }
            return sum;
        }));
        ArrayBlockingQueue<Long> abq = new ArrayBlockingQueue<>(Scenarios.CAPACITY);
        ops.add(new Op("send + recv, bounded(1024)", "ABQ offer+poll", CHEAP, Messages::checksum, count -> {
            long sum = 0;
            for (int i = 0; i < count; i++) {
                abq.offer(Messages.get(i));
                sum += abq.poll();
            }
            return sum;
        }));
        ops.add(new Op("send + recv, bounded(1024)", "ABQ put+take", CHEAP, Messages::checksum, count -> {
            long sum = 0;
            for (int i = 0; i < count; i++) {
                abq.put(Messages.get(i));
                sum += abq.take();
            }
            return sum;
        }));
        SpscArrayQueue<Long> spsc = new SpscArrayQueue<>(Scenarios.CAPACITY);
        ops.add(new Op("send + recv, bounded(1024)", "JCTools-SPSC offer+poll", CHEAP, Messages::checksum, count -> {
            long sum = 0;
            for (int i = 0; i < count; i++) {
                spsc.offer(Messages.get(i));
                sum += spsc.poll();
            }
            return sum;
        }));

        Channel<Long> empty = Channel.bounded(Scenarios.CAPACITY);
        ops.add(new Op("tryRecv, empty", Scenarios.PNEUMATIC, CHEAP, NOTHING, count -> {
            Receiver<Long> rx = empty.receiver();
            long found = 0;
            for (int i = 0; i < count; i++) {
                found += rx.tryRecv().isPresent() ? 1 : 0;
            }
            return found;
        }));
        ops.add(new Op("tryRecv, empty", "ABQ poll()", CHEAP, NOTHING, count -> {
            long found = 0;
            for (int i = 0; i < count; i++) {
                found += abq.poll() != null ? 1 : 0;
            }
            return found;
        }));

        ops.add(new Op("recv(1 ns), expires", Scenarios.PNEUMATIC, TIMED, NOTHING, count -> {
            Receiver<Long> rx = empty.receiver();
            long found = 0;
            for (int i = 0; i < count; i++) {
                Optional<Long> next = rx.recv(ONE_NANO);
                found += next.isPresent() ? 1 : 0;
            }
            return found;
        }));
        ops.add(new Op("recv(1 ns), expires", "ABQ poll(1, ns)", TIMED, NOTHING, count -> {
            long found = 0;
            for (int i = 0; i < count; i++) {
                found += abq.poll(1, TimeUnit.NANOSECONDS) != null ? 1 : 0;
            }
            return found;
        }));

        ops.add(new Op("Sender clone + close", Scenarios.PNEUMATIC, CLONES, EACH, count -> {
            Sender<Long> tx = empty.sender();
            long closed = 0;
            for (int i = 0; i < count; i++) {
                Sender<Long> clone = tx.clone();
                clone.close();
                closed++;
            }
            return closed;
        }));
        return ops;
    }

    /** One round of one operation. */
    private record Sample(double nanosPerOp, double bytesPerOp) {}

    /**
     * Measures every operation in {@code rounds} interleaved rounds after {@code warmup} and
     * prints the table.
     */
    static void print(int rounds, int warmup, double scale) throws Exception {
        List<Op> ops = all();
        for (int w = 0; w < warmup; w++) {
            for (Op op : ops) {
                measure(op, scale);
            }
        }
        Map<Op, List<Sample>> samples = new LinkedHashMap<>();
        for (Op op : ops) {
            samples.put(op, new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            List<Op> order = new ArrayList<>(ops);
            Collections.rotate(order, -r);
            for (Op op : order) {
                samples.get(op).add(measure(op, scale));
            }
        }
        System.out.println("### S7: single-thread operation costs, no peer thread");
        System.out.println();
        System.out.println("| operation | candidate | median ns/op | min .. max | it / pneumatic | B/op |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        Map<String, List<Sample>> ours = new LinkedHashMap<>();
        for (Map.Entry<Op, List<Sample>> entry : samples.entrySet()) {
            if (entry.getKey().candidate().equals(Scenarios.PNEUMATIC)) {
                ours.put(entry.getKey().operation(), entry.getValue());
            }
        }
        for (Map.Entry<Op, List<Sample>> entry : samples.entrySet()) {
            Op op = entry.getKey();
            List<Sample> theirs = entry.getValue();
            double[] nanos = theirs.stream().mapToDouble(Sample::nanosPerOp).sorted().toArray();
            List<Sample> base = ours.get(op.operation());
            double[] perRound = new double[theirs.size()];
            for (int r = 0; r < perRound.length; r++) {
                perRound[r] = theirs.get(r).nanosPerOp() / base.get(r).nanosPerOp();
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f .. %.1f | %s | %.2f |%n", op.operation(),
                    op.candidate(), Compare.median(nanos), nanos[0], nanos[nanos.length - 1],
                    op.candidate().equals(Scenarios.PNEUMATIC) ? "1"
                            : String.format(Locale.ROOT, "%.2fx", Compare.median(perRound)),
                    Compare.median(theirs.stream().mapToDouble(Sample::bytesPerOp).toArray()));
        }
        System.out.println();
        System.out.println("(it / pneumatic: the median of per-round ratios of its time to Pneumatic's;"
                + " above 1, Pneumatic's operation is cheaper.)");
        System.out.println();
    }

    private static Sample measure(Op op, double scale) throws Exception {
        int count = Math.max(1_000, (int) (op.operations() * scale));
        long allocated = Threads.allocatedHere();
        long start = System.nanoTime();
        long result = op.body().run(count);
        long elapsed = System.nanoTime() - start;
        allocated = Threads.allocatedHere() - allocated;
        long expected = op.expected().of(count);
        if (result != expected) {
            throw new IllegalStateException("S7 " + op.operation() + ", " + op.candidate() + ": result " + result
                    + ", expected " + expected);
        }
        return new Sample((double) elapsed / count, (double) allocated / count);
    }
}
