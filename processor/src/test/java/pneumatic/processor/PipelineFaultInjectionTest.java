package pneumatic.processor;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import pneumatic.processor.FaultPlan.Fault;

/**
 * Fault injection on generated pipelines: hundreds of seeded runs of the {@code faults/}
 * fixtures (several workers per step, capacities 0, 1, 2 and unbounded, every step shape, open
 * pipelines), each with one fault: a source, stage or sink that throws at some item, a cancel, an
 * interrupted caller, a close from another thread, a feeder or consumer that stops early. Steps
 * are sometimes slow, and some wait on a latch that only the stop's interrupt releases.
 *
 * <p>Each run must end within {@link #BOUND} with exactly its outcome (a
 * {@code PipelineFailedException} naming the step, with the very exception it threw as cause; a
 * {@code CancellationException}; an {@code InterruptedException}; or a normal end that delivered
 * every value exactly once), and leave no thread of the run alive. See {@link FaultPlan} for the
 * faults and {@link FaultRun} for the checks.
 *
 * <p>System properties: {@code -Dfaults.seed=N} repeats a seed (printed at the start and in every
 * message); {@code -Dfaults.runs=N} and {@code -Dfaults.seconds=S} (defaults 300 and 40) run
 * longer; {@code -Dfaults.run=R} runs only run R of the seed (with the same filters);
 * {@code -Dfaults.fixture=Mesh} and {@code -Dfaults.fault=CANCEL} keep only that fixture or fault,
 * {@code -Dfaults.skip=Spring,Tap} leaves fixtures out; {@code -Dfaults.verbose=true} prints
 * every run.
 */
class PipelineFaultInjectionTest {

    private static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    private static final int RUNS = Integer.getInteger("faults.runs", 300);
    private static final int SECONDS = Integer.getInteger("faults.seconds", 40);
    private static final int ONLY = Integer.getInteger("faults.run", -1);
    private static final boolean VERBOSE = Boolean.getBoolean("faults.verbose");
    private static final String FIXTURE = System.getProperty("faults.fixture", "");
    private static final String FAULT = System.getProperty("faults.fault", "");
    private static final List<String> SKIP = List.of(System.getProperty("faults.skip", "").split(","));

    /** A stop that takes longer than this is listed in the summary (not a failure: see BOUND). */
    private static final Duration SLOW_STOP = Duration.ofSeconds(1);

    /** How long one run may take before it counts as hung: generous, CI has 2 cores. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Problems reported in full; the rest only counted. */
    private static final int REPORTED = 20;

    /** A fixture and a fault that applies to it. */
    private record Pairing(FaultFixture fixture, Fault fault) {}

    @Test
    void everyInjectedFaultEndsItsRunWithItsOutcomeAndLeavesNoThreadAlive() {
        System.out.printf("PipelineFaultInjectionTest: -Dfaults.seed=%d, runs=%d, seconds=%d%s%s%s%s%n", SEED, RUNS,
                SECONDS, ONLY >= 0 ? ", only run " + ONLY : "", FIXTURE.isEmpty() ? "" : ", fixture " + FIXTURE,
                FAULT.isEmpty() ? "" : ", fault " + FAULT, String.join("", SKIP).isEmpty() ? "" : ", skipping " + SKIP);
        List<Pairing> pairings = new ArrayList<>();
        for (FaultFixture fixture : FaultFixture.all()) {
            fixture.compiled();
            for (Fault fault : Fault.values()) {
                if (fault.appliesTo(fixture) && (FIXTURE.isEmpty() || FIXTURE.equals(fixture.name()))
                        && !SKIP.contains(fixture.name())
                        && (FAULT.isEmpty() || FAULT.equals(fault.name()))) {
                    pairings.add(new Pairing(fixture, fault));
                }
            }
        }
        if (pairings.isEmpty()) {
            fail("no fault applies to -Dfaults.fixture=" + FIXTURE + " -Dfaults.fault=" + FAULT);
        }
        Collections.shuffle(pairings, new Random(SEED));

        long start = System.nanoTime();
        long budget = Duration.ofSeconds(SECONDS).toNanos();
        Map<String, Integer> tally = new TreeMap<>();
        Map<String, Integer> byFixture = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> poisoned = new HashSet<>();
        int runs = 0;
        int skipped = 0;
        long slowest = 0;
        String slowestRun = "";
        Map<Fault, Long> slowestStop = new TreeMap<>();
        List<String> slowStops = new ArrayList<>();
        for (int number = Math.max(ONLY, 0); number < (ONLY >= 0 ? ONLY + 1 : RUNS); number++) {
            if (ONLY < 0 && System.nanoTime() - start > budget) {
                System.out.printf("PipelineFaultInjectionTest: time budget of %d s spent after %d runs%n", SECONDS,
                        runs);
                break;
            }
            Pairing pairing = pairings.get(number % pairings.size());
            FaultFixture fixture = pairing.fixture();
            if (poisoned.contains(fixture.name())) {
                skipped++; // a run of it hung or left threads behind: its later runs would only repeat that
                continue;
            }
            Random rnd = new Random(SEED * 0x9E3779B97F4A7C15L + number);
            FaultPlan plan = FaultPlan.random(fixture, pairing.fault(), rnd);
            String label = "[faults.seed=" + SEED + " run=" + number + " fixture=" + fixture.name() + " fault="
                    + plan.describe(fixture) + "]";
            FaultRun run = new FaultRun(fixture, plan, label, rnd, BOUND.minusSeconds(5));
            long began = System.nanoTime();
            try {
                assertTimeoutPreemptively(BOUND, run::execute,
                        () -> label + " did not end within " + BOUND + "\n" + FaultHarness.dump(fixture.name()));
                String key = pairing.fault() + " -> " + run.outcome();
                tally.merge(key, 1, Integer::sum);
                if (run.stopLatency() >= 0) {
                    slowestStop.merge(pairing.fault(), run.stopLatency(), Math::max);
                    if (run.stopLatency() > SLOW_STOP.toNanos()) {
                        slowStops.add(String.format("run %d took %d ms to stop: %s", number,
                                run.stopLatency() / 1_000_000, label));
                    }
                }
                byFixture.merge(fixture.name(), 1, Integer::sum);
                if (VERBOSE) {
                    System.out.printf("run %d: %s %s -> %s in %d ms%n", number, fixture.name(), plan.describe(fixture),
                            run.outcome(), (System.nanoTime() - began) / 1_000_000);
                }
            } catch (Throwable problem) {
                String text = problem instanceof AssertionError ? problem.getMessage()
                        : label + " the test itself failed: " + FaultHarness.trace(problem);
                problems.add(text);
                System.out.println("PROBLEM " + (problems.size() <= REPORTED ? text : label));
                run.abandon();
                if (text != null && text.contains(" did not end")) {
                    poisoned.add(fixture.name());
                    System.out.println("PipelineFaultInjectionTest: a run of " + fixture.name()
                            + " hung; its later runs are skipped");
                } else if (!awaitNoThread(fixture.name())) {
                    poisoned.add(fixture.name());
                    System.out.println("PipelineFaultInjectionTest: threads of " + fixture.name()
                            + " are still alive; its later runs are skipped: " + FaultHarness.alive(fixture.name()));
                }
            }
            long took = System.nanoTime() - began;
            if (took > slowest) {
                slowest = took;
                slowestRun = "run " + number + " (" + fixture.name() + " " + pairing.fault() + ")";
            }
            runs++;
        }
        long elapsed = System.nanoTime() - start;
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("PipelineFaultInjectionTest: seed %d, %d runs in %.1f s (slowest %d ms: %s), "
                + "%d problems%n", SEED, runs, elapsed / 1e9, slowest / 1_000_000, slowestRun, problems.size()));
        summary.append("  runs per fixture: ").append(byFixture).append('\n');
        tally.forEach((key, n) -> summary.append(String.format("  %-45s %4d%n", key, n)));
        summary.append("  slowest stop per fault (ms): ");
        slowestStop.forEach((fault, nanos) -> summary.append(fault).append('=').append(nanos / 1_000_000).append(' '));
        summary.append('\n');
        slowStops.forEach(line -> summary.append("  SLOW STOP ").append(line).append('\n'));
        if (!poisoned.isEmpty()) {
            summary.append("  ").append(skipped).append(" runs skipped after a hang of ").append(poisoned).append('\n');
        }
        System.out.print(summary);
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + runs + " runs went wrong (seed " + SEED + "); the first:\n"
                    + String.join("\n\n", problems.subList(0, Math.min(3, problems.size()))));
        }
    }

    /** Waits a little for the threads of a run that went wrong to end. */
    private static boolean awaitNoThread(String pipeline) {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            if (FaultHarness.alive(pipeline).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return FaultHarness.alive(pipeline).isEmpty();
    }
}
