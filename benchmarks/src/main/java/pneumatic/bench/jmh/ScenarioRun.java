package pneumatic.bench.jmh;

import pneumatic.bench.Candidate;
import pneumatic.bench.Scenario;
import pneumatic.bench.Scenarios;

/**
 * One candidate of one scenario, as the JMH benchmarks run it: the very {@link Candidate} that
 * {@code Compare} runs, with the same checksum check, so a JMH score cannot come from lost
 * messages.
 */
final class ScenarioRun {

    private final String scenario;
    private final Candidate candidate;
    private final int messages;
    private final long expected;

    ScenarioRun(String scenario, String candidate, int messages) {
        Scenario found = Scenarios.byId(scenario);
        this.scenario = scenario;
        this.candidate = found.candidate(candidate);
        this.messages = messages;
        this.expected = found.checksum().of(messages);
    }

    /** Runs the candidate once; fails the benchmark if a message was lost or duplicated. */
    long run() throws Exception {
        long sum = candidate.run(messages);
        if (sum != expected) {
            throw new IllegalStateException(scenario + " " + candidate.name() + ": checksum " + sum
                    + ", expected " + expected);
        }
        return sum;
    }
}
