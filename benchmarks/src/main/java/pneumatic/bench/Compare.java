package pneumatic.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The side-by-side comparison: every candidate of every scenario, in interleaved rounds in one
 * JVM (round 1: A, B, C; round 2: B, C, A; ...), so that a slow phase of a shared, noisy machine
 * hits every candidate alike. It prints a Markdown table per scenario (median throughput, the
 * median of the per-round ratios of Pneumatic to each peer, bytes allocated per message, CPU
 * seconds per million messages) and the gates of issue 4. A full run exits with status 1 when a
 * gate fails (a missed target does not fail it); {@code --smoke} judges no gate and exits with 0
 * unless a candidate loses or duplicates a message.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar pneumatic.bench.Compare                # full: about 3 minutes
 * java -cp benchmarks/target/benchmarks.jar pneumatic.bench.Compare --only S1,S3 --rounds 9
 * java -cp benchmarks/target/benchmarks.jar pneumatic.bench.Compare --smoke        # smoke: seconds
 * </pre>
 */
public final class Compare {

    private Compare() {}

    /** One run of one candidate. */
    private record Sample(double perSecond, double bytesPerMessage, Steady.Result steady,
            double cpuSecondsPerMillion) {
        double steadyBytesPerMessage() {
            return steady.bytesPerMessage();
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = 7;
        int warmup = 2;
        double scale = 1.0;
        Set<String> only = null;
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[++i]);
                    break;
                case "--scale":
                    scale = Double.parseDouble(args[++i]);
                    break;
                case "--only":
                    only = Set.of(args[++i].split(","));
                    break;
                case "--smoke":
                    smoke = true;
                    rounds = 1;
                    warmup = 0;
                    scale = 0.02;
                    break;
                default:
                    System.err.println("usage: Compare [--rounds N] [--warmup N] [--scale X] [--only S1,S2] [--smoke]");
                    System.exit(2);
            }
        }
        Set<String> selected = only;
        List<Scenario> scenarios = Scenarios.all().stream()
                .filter(s -> selected == null || selected.contains(s.id()))
                .collect(Collectors.toList());

        System.out.printf(Locale.ROOT, "Pneumatic comparison, %s: Java %s (%s), %d cores, %d rounds after %d warm-up,"
                        + " scale %.2f%n%n", LocalDate.now(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), rounds, warmup, scale);

        for (int w = 0; w < warmup; w++) {
            for (Scenario scenario : scenarios) {
                for (Candidate candidate : scenario.candidates()) {
                    measure(scenario, candidate, scale);
                }
            }
        }
        Map<Scenario, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Scenario scenario : scenarios) {
                List<Candidate> order = new ArrayList<>(scenario.candidates());
                java.util.Collections.rotate(order, -r);
                for (Candidate candidate : order) {
                    Sample sample = measure(scenario, candidate, scale);
                    samples.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                            .computeIfAbsent(candidate.name(), c -> new ArrayList<>())
                            .add(sample);
                }
            }
            System.err.printf("round %d of %d done%n", r + 1, rounds);
        }
        List<Gates.Verdict> gates = new ArrayList<>();
        for (Map.Entry<Scenario, Map<String, List<Sample>>> entry : samples.entrySet()) {
            Map<String, Double> ratios = ratios(entry.getValue());
            print(entry.getKey(), entry.getValue(), ratios, rounds);
            gates.addAll(Gates.check(entry.getKey().id(), ratios, steady(entry.getValue())));
        }
        if (selected == null || selected.contains("S7")) {
            Costs.print(rounds, warmup, scale);
        }
        if (selected == null || selected.contains("idle")) {
            List<Idle.Wait> waits = Idle.measure();
            System.out.println("### idle: CPU of a thread blocked on a channel, after its first millisecond");
            System.out.println();
            System.out.println("| blocked | share of a core |");
            System.out.println("|---|---:|");
            for (Idle.Wait wait : waits) {
                System.out.printf(Locale.ROOT, "| %s | %.3f%% |%n", wait.what(), wait.cpuShare() * 100);
            }
            System.out.println();
            gates.add(Gates.idle(waits));
        }
        if (smoke) {
            // One short round without warm-up measures the interpreter and the JIT at work:
            // its ratios are no evidence either way.
            System.out.println("Gates: not judged in a --smoke pass (one short round, no warm-up);"
                    + " run Compare without --smoke to judge them.");
            return;
        }
        System.out.println("Gates (medians of per-round ratios, this run):");
        System.out.println();
        boolean failed = false;
        for (Gates.Verdict gate : gates) {
            System.out.println("- " + gate);
            failed |= gate.failed();
        }
        System.out.flush();
        if (failed) {
            System.err.println("Compare: a gate failed (see the FAIL lines above)");
            System.exit(1);
        }
    }

    private static Sample measure(Scenario scenario, Candidate candidate, double scale) throws Exception {
        int messages = Math.max(1_000, (int) (scenario.messages() * scale));
        System.gc(); // start each run with the previous one's garbage gone
        Steady.take();
        long allocated = Threads.allocated() + Threads.allocatedHere();
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        long sum = candidate.run(messages);
        long elapsed = System.nanoTime() - start;
        cpu = OS.getProcessCpuTime() - cpu;
        allocated = Threads.allocated() + Threads.allocatedHere() - allocated;
        long expected = scenario.checksum().of(messages);
        if (sum != expected) {
            throw new IllegalStateException(scenario.id() + " " + candidate.name() + " lost or duplicated messages:"
                    + " checksum " + sum + ", expected " + expected);
        }
        double bytes = (double) allocated / messages;
        return new Sample(messages * 1e9 / elapsed, bytes, Steady.take(),
                cpu / 1e9 / (messages / 1e6));
    }

    /** Per candidate: the median over rounds of Pneumatic's throughput divided by its. */
    private static Map<String, Double> ratios(Map<String, List<Sample>> byCandidate) {
        List<Sample> ours = byCandidate.get(Scenarios.PNEUMATIC);
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (Map.Entry<String, List<Sample>> entry : byCandidate.entrySet()) {
            List<Sample> theirs = entry.getValue();
            double[] perRound = new double[Math.min(ours.size(), theirs.size())];
            for (int r = 0; r < perRound.length; r++) {
                perRound[r] = ours.get(r).perSecond() / theirs.get(r).perSecond();
            }
            ratios.put(entry.getKey(), median(perRound));
        }
        return ratios;
    }

    /** Pneumatic's steady windows, one per round. */
    private static List<Steady.Result> steady(Map<String, List<Sample>> byCandidate) {
        return byCandidate.get(Scenarios.PNEUMATIC).stream().map(Sample::steady).collect(Collectors.toList());
    }

    private static void print(Scenario scenario, Map<String, List<Sample>> byCandidate, Map<String, Double> ratios,
            int rounds) {
        System.out.printf("### %s: %s%n%n", scenario.id(), scenario.title());
        String unit = scenario.unit();
        System.out.printf("| candidate | median M %ss/s | min .. max | pneumatic / it | B per %s | steady B per %s"
                + " | CPU-s per M %ss |%n", unit, unit, unit, unit);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<Sample>> entry : byCandidate.entrySet()) {
            double[] rates = entry.getValue().stream().mapToDouble(Sample::perSecond).toArray();
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f .. %.2f | %s | %s | %s | %.2f |%n",
                    entry.getKey(), median(rates) / 1e6, rates[0] / 1e6, rates[rates.length - 1] / 1e6,
                    entry.getKey().equals(Scenarios.PNEUMATIC) ? "1" : String.format(Locale.ROOT, "%.2fx", ratios.get(entry.getKey())),
                    format(median(entry.getValue().stream().mapToDouble(Sample::bytesPerMessage).toArray())),
                    format(median(entry.getValue().stream().mapToDouble(Sample::steadyBytesPerMessage).toArray())),
                    median(entry.getValue().stream().mapToDouble(Sample::cpuSecondsPerMillion).toArray()));
        }
        System.out.println();
    }

    private static String format(double bytes) {
        return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.2f", bytes);
    }

    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
