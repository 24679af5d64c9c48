package pneumatic.bench;

/**
 * One way of doing a scenario's work: Pneumatic's, or a peer's. Each run starts from nothing
 * (fresh channels or queues and threads), moves {@code messages} messages from the producers to
 * the consumers, waits until all have arrived and every thread it started has ended, and
 * returns the checksum the consumers computed, which the runner compares with
 * {@link Messages#checksum(int)} so that a candidate cannot win by losing messages.
 */
public interface Candidate {

    /** A short name for tables: {@code pneumatic}, {@code ABQ}, {@code JCTools-SPSC}, ... */
    String name();

    /**
     * Moves {@code messages} messages through.
     *
     * @return the consumers' checksum
     */
    long run(int messages) throws Exception;

    /** A candidate from a name and a body. */
    static Candidate of(String name, Body body) {
        return new Candidate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long run(int messages) throws Exception {
                return body.run(messages);
            }
        };
    }

    /** The work of one run. */
    @FunctionalInterface
    interface Body {
        long run(int messages) throws Exception;
    }
}
