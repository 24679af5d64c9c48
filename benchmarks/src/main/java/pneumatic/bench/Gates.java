package pneumatic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gates and targets of issue 4, checked against one run's medians. */
final class Gates {

    private Gates() {}

    static List<String> check(String scenario, Map<String, Double> ratios, double steadyBytes) {
        List<String> lines = new ArrayList<>();
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

    static String idle(double cpuShare) {
        return String.format(Locale.ROOT, "%s: idle receiver uses %.3f%% of a core after its first millisecond (gate < 1%%)",
                cpuShare < 0.01 ? "PASS" : "FAIL", cpuShare * 100);
    }

    private static String atLeast(String what, Double ratio, double gate) {
        if (ratio == null) {
            return "n/a: " + what + " (peer not run)";
        }
        return String.format(Locale.ROOT, "%s: %s %.2fx (gate >= %.2fx)", ratio >= gate ? "PASS" : "FAIL", what, ratio, gate);
    }

    private static String atMost(String what, double value, double gate) {
        return String.format(Locale.ROOT, "%s: %s %.3f (gate <= %.2f)", value <= gate ? "PASS" : "FAIL", what, value, gate);
    }

    private static String target(String what, Double ratio, double target) {
        if (ratio == null) {
            return "n/a: " + what + " (peer not run)";
        }
        return String.format(Locale.ROOT, "%s: %s %.2fx (target >= %.2fx)",
                ratio >= target ? "target met" : "target missed", what, ratio, target);
    }
}
