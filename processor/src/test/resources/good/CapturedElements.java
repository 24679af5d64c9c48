package fixtures;

import java.util.List;
import java.util.Map;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * Sources whose elements exist only through the capture of a wildcard: a member class of a
 * generic class, an F-bounded parameter, a parameter bounded by another, a lower-bounded
 * wildcard, a parameter bounded by an intersection, the parameter of the class an inner class is
 * a member of, and elements of a static member type of a generic class (which Eclipse's compiler
 * shows inside the generic class around it). Eclipse's compiler cannot capture, so the processor
 * works these out by itself there; both compilers must give the same wiring.
 */
public class CapturedElements {

    /** A generic class with a generic member class that is an Iterable. */
    public static class Shelves<X> {
        public abstract class Rows<T extends Number> implements Iterable<Map<X, List<T>>> {}

        /** A static member: no Shelves<X> around its values. */
        public static final class Label<T> {}

        /** An inner class whose elements are of the static member. */
        public abstract class Tagged<T> implements Iterable<Label<T>> {}

        /** An inner class whose elements are of the parameter of the class around it. */
        public abstract class Stock implements Iterable<X> {}
    }

    /** An Iterable of a static member type of a generic class. */
    public interface Labels<T> extends Iterable<Shelves.Label<T>> {}

    /** An Iterable of a member interface of a generic interface. */
    public interface Pairs<T> extends Iterable<Map.Entry<String, T>> {}

    /** An Iterable of a parameter bounded by another parameter. */
    public interface Siblings<A, B extends A> extends Iterable<B> {}

    /** An Iterable of lists of its parameter. */
    public interface Grid<T> extends Iterable<List<T>> {}

    /** An Iterable of a parameter bounded twice, and one of lists of it. */
    public interface Chores<T extends Number & Runnable> extends Iterable<T> {}

    public interface ChoreLists<T extends Number & Runnable> extends Iterable<List<T>> {}

    /** Lists of a parameter whose wildcard may bound it by an unrelated interface. */
    public interface Jobs<T extends Runnable> extends Iterable<List<T>> {}

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

    @Pipeline
    public interface Labelled {
        @Source Labels<?> labels();

        @Sink void take(Shelves.Label<?> label);
    }

    @Pipeline
    public interface Tags {
        @Source Shelves<String>.Tagged<?> tags();

        @Sink void take(Shelves.Label<?> label);
    }

    @Pipeline
    public interface Entries {
        @Source Pairs<?> pairs();

        @Sink void take(Map.Entry<String, ?> entry);
    }

    @Pipeline
    public interface BoundedBySibling {
        @Source Siblings<Number, ?> numbers();

        @Sink void take(Number number);
    }

    @Pipeline
    public interface LowerBounded {
        @Source Grid<? super Integer> rows();

        @Sink void take(List<? super Integer> row);
    }

    @Pipeline
    public interface Stocked {
        @Source Shelves<? extends Number>.Stock stock();

        @Sink void take(Number number);
    }

    @Pipeline
    public interface BoundedTwice {
        @Source Chores<?> chores();

        @Sink void take(Number chore);
    }

    @Pipeline
    public interface ListsBoundedTwice {
        @Source ChoreLists<? extends Runnable> lists();

        @Sink void take(List<? extends Number> chores);
    }

    /** Runnable and AutoCloseable are as far from Object: javac names the first by name. */
    @Pipeline
    public interface JobsBoundedByName {
        @Source Jobs<? extends AutoCloseable> jobs();

        @Sink void take(List<? extends AutoCloseable> jobs);
    }

    /** List is further from Object than Runnable, so javac names List, though it comes later by name. */
    @Pipeline
    public interface JobsBoundedByRank {
        @Source Jobs<? extends List<String>> jobs();

        @Sink void take(List<? extends List<String>> jobs);
    }
}
