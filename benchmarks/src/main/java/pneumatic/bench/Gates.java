package pneumatic.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The gates and targets of issue 4, checked against one run's medians. */
final class Gates {

    private Gates() {}

    /**
     * One line of the verdict. Only a gate can fail the run; a target that is missed is
     * reported, no more.
     *
     * @param line what to print
     * @param failed whether it is a gate that does not hold
     */
    record Verdict(String line, boolean failed) {
        @Override
        public String toString() {
            return line;
        }
    }

    /**
     * The gates and targets of one scenario.
     *
     * @param ratios the median of the per-round ratios of Pneumatic's throughput to each peer's
     * @param steady Pneumatic's steady windows, one per round
     */
    static List<Verdict> check(String scenario, Map<String, Double> ratios, List<Steady.Result> steady) {
        double steadyBytes = Compare.median(steady.stream().mapToDouble(Steady.Result::bytesPerMessage).toArray());
        List<Verdict> lines = new ArrayList<>();
        switch (scenario) {
            case "S1":
                lines.add(atLeast("S1 SPSC vs ABQ", ratios.get("ABQ"), 1.5));
                lines.add(steadyBytes("S1 steady-state allocation", steady, 100));
                lines.add(target("S1 SPSC vs JCTools SpscArrayQueue", ratios.get("JCTools-SPSC"), 0.75));
                break;
            case "S2":
                lines.add(atLeast("S2 MPSC vs ABQ", ratios.get("ABQ"), 2.0));
                lines.add(target("S2 MPSC vs JCTools MpscArrayQueue", ratios.get("JCTools-MPSC"), 0.75));
                break;
            case "S3":
                lines.add(atLeast("S3 rendezvous vs SynchronousQueue", ratios.get("SynchronousQueue"), 1.0));
                break;
            case "S4a":
            case "S4b":
                lines.add(atLeast(scenario + " unbounded vs LBQ", ratios.get("LBQ"), 1.5));
                lines.add(atMost(scenario + " steady-state allocation, B/msg in the steady windows", steadyBytes, 1.0));
                break;
            case "S5":
                lines.add(atLeast("S5 pipeline vs hand-wired ABQ", ratios.get("hand-wired-ABQ"), 1.3));
                lines.add(target("S5 pipeline vs Disruptor", ratios.get("Disruptor"), 0.8));
                break;
            default:
                break;
        }
        return lines;
    }

    /** The worst of the blocked threads of {@link Idle#measure()}. */
    static Verdict idle(List<Idle.Wait> waits) {
        Idle.Wait worst = waits.stream().max(Comparator.comparingDouble(Idle.Wait::cpuShare)).orElseThrow();
        boolean holds = worst.cpuShare() < 0.01;
        return new Verdict(String.format(Locale.ROOT,
                "%s: a blocked thread uses at most %.3f%% of a core after its first millisecond, of %d ways"
                        + " of blocking (the most: %s; gate < 1%%)",
                holds ? "PASS" : "FAIL", worst.cpuShare() * 100, waits.size(), worst.what()), !holds);
    }

    private static Verdict atLeast(String what, Double ratio, double gate) {
        if (ratio == null) {
            return new Verdict("n/a: " + what + " (peer not run)", false);
        }
        boolean holds = ratio >= gate;
        return new Verdict(String.format(Locale.ROOT, "%s: %s %.2fx (gate >= %.2fx)",
                holds ? "PASS" : "FAIL", what, ratio, gate), !holds);
    }

    /**
     * That the median round's steady windows allocated at most one byte per {@code messagesPerByte}
     * messages, judged on the byte counts. Not exactly 0: a thread's first blocking call that has
     * to wait creates the thread's waiter and its thread-local map (168 bytes, once per thread),
     * and two threads that meet on a wait queue's ReentrantLock allocate its 32-byte node; both
     * may fall in the window (BENCHMARKS.md, Gates and targets). Later waits reuse the waiter,
     * and a send or receive that does not wait allocates nothing.
     */
    private static Verdict steadyBytes(String what, List<Steady.Result> steady, long messagesPerByte) {
        List<Steady.Result> closed = steady.stream().filter(r -> r.messages() > 0).collect(Collectors.toList());
        if (closed.isEmpty()) {
            return new Verdict("FAIL: " + what + " (no steady window closed)", true);
        }
        List<Steady.Result> sorted = new ArrayList<>(closed);
        sorted.sort(Comparator.comparingDouble(Steady.Result::bytesPerMessage));
        Steady.Result median = sorted.get(sorted.size() / 2); // of an even count, the larger middle one
        long allowed = median.messages() / messagesPerByte;
        boolean holds = median.bytes() <= allowed;
        return new Verdict(String.format(Locale.ROOT,
                "%s: %s, %,d B in the median round's windows of %,d messages (gate <= %,d B);"
                        + " B per round: %s",
                holds ? "PASS" : "FAIL", what, median.bytes(), median.messages(), allowed,
                closed.stream().map(r -> Long.toString(r.bytes())).collect(Collectors.joining(" "))), !holds);
    }

    private static Verdict atMost(String what, double value, double gate) {
        boolean holds = value <= gate; // false for NaN: a figure that was not measured holds nothing
        return new Verdict(String.format(Locale.ROOT, "%s: %s %.3f (gate <= %.2f)",
                holds ? "PASS" : "FAIL", what, value, gate), !holds);
    }

    private static Verdict target(String what, Double ratio, double target) {
        if (ratio == null) {
            return new Verdict("n/a: " + what + " (peer not run)", false);
        }
        return new Verdict(String.format(Locale.ROOT, "%s: %s %.2fx (target >= %.2fx)",
                ratio >= target ? "target met" : "target missed", what, ratio, target), false);
    }
}
