package fixtures;

import java.util.List;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * Pipelines that use what is deprecated: each wiring suppresses exactly the warnings it would
 * draw, as Eclipse's compiler flags a suppression that suppresses nothing.
 */
public class Deprecations {

    /** To be removed. */
    @Deprecated(forRemoval = true)
    public static final class Doomed {}

    @Pipeline
    public interface Removal {
        @Source List<Doomed> doomed();

        @Sink void take(Doomed doomed);
    }

    @Pipeline
    public interface Both {
        @Deprecated
        @Source List<Doomed> old();

        @Sink void take(Doomed doomed);
    }

    @Pipeline
    public interface RemovalFirst {
        @Source List<Doomed> doomed();

        @Deprecated
        @Sink void take(Doomed doomed);
    }

    @Pipeline
    public interface Deprecation {
        @Deprecated
        @Source List<String> old();

        @Sink void take(String line);
    }

    /** Deprecated, but never named by the wiring below. */
    @Deprecated
    public static class Old {}

    /** Not deprecated itself. */
    @SuppressWarnings("deprecation")
    public static final class Newer extends Old {}

    /**
     * Signatures that mention {@code Old} where the wiring never writes it: its channels carry
     * {@code Object} and {@code Newer}, and it passes a {@code Newer} to {@code take(Old)} as is.
     * So the wiring suppresses nothing (found by the random inputs on Eclipse's compiler, for
     * {@code Stream<? super Item>}).
     */
    @Pipeline
    @SuppressWarnings("deprecation")
    public interface Unnamed {
        @Source Stream<? super Old> olds();

        @Stage Newer renew(Object old);

        @Sink void take(Old old);
    }
}
