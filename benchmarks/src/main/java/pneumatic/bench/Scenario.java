package pneumatic.bench;

import java.util.List;

/**
 * One scenario of the comparison: the same work done by every candidate.
 *
 * @param id {@code S1} .. {@code S7}
 * @param title what it measures
 * @param messages messages per run (before scaling)
 * @param unit what one message is, for the table ("msg", "round trip")
 * @param checksum what the consumers must add up to, for a given message count
 * @param candidates Pneumatic first, then the peers
 */
public record Scenario(String id, String title, int messages, String unit, Checksum checksum,
        List<Candidate> candidates) {

    /** The expected checksum of a run of {@code n} messages. */
    @FunctionalInterface
    public interface Checksum {
        long of(int n);
    }

    public Scenario {
        candidates = List.copyOf(candidates);
    }

    /** The candidate of the given name. */
    public Candidate candidate(String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no candidate " + name));
    }
}
