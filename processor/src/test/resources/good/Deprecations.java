package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

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
}
