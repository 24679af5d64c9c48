package pneumatic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    static List<Verdict> check(String scenario, Map<String, Double> ratios, double steadyBytes) {
        List<Verdict> lines = new ArrayList<>();
        switch (scenario) {
            case "S1":
                lines.add(atLeast("S1 SPSC vs ABQ", ratios.get("ABQ"), 1.5));
                lines.add(atMost("S1 steady-state allocation, B/msg", steadyBytes, 0.01));
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
                lines.add(atMost(scenario + " steady-state allocation, B/msg", steadyBytes, 1.0));
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

    static Verdict idle(double cpuShare) {
        boolean holds = cpuShare < 0.01;
        return new Verdict(String.format(Locale.ROOT,
                "%s: idle receiver uses %.3f%% of a core after its first millisecond (gate < 1%%)",
                holds ? "PASS" : "FAIL", cpuShare * 100), !holds);
    }

    private static Verdict atLeast(String what, Double ratio, double gate) {
        if (ratio == null) {
            return new Verdict("n/a: " + what + " (peer not run)", false);
        }
        boolean holds = ratio >= gate;
        return new Verdict(String.format(Locale.ROOT, "%s: %s %.2fx (gate >= %.2fx)",
                holds ? "PASS" : "FAIL", what, ratio, gate), !holds);
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
