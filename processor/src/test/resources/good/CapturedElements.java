package fixtures;

import java.util.List;
import java.util.Map;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * Sources whose elements exist only through the capture of a wildcard: a member class of a
 * generic class, and an F-bounded parameter. Eclipse's compiler cannot capture, so the processor
 * works these out by itself there; both compilers must give the same wiring.
 */
public class CapturedElements {

    /** A generic class with a generic member class that is an Iterable. */
    public static class Shelves<X> {
        public abstract class Rows<T extends Number> implements Iterable<Map<X, List<T>>> {}
    }

    /** An Iterable of a parameter bounded by itself. */
    public interface Ranked<T extends Comparable<T>> extends Iterable<T> {}

    @Pipeline
    public interface Shelved {
        @Source Shelves<String>.Rows<? extends Integer> rows();

        @Sink void put(Map<String, ? extends List<? extends Integer>> row);
    }

    @Pipeline
    public interface Ranking {
        @Source Ranked<?> ranked();

        @Sink void take(Comparable<?> value);
    }
}
