package fixtures;

import java.util.List;
import java.util.Set;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A source of Strings into a sink of Integers: the fix keeps the List the source returns. */
@Pipeline
public interface SourceListTypeMismatch {
    @Source List<String> words();

    @Sink void add(Integer length);

    /** A subtype of Iterable without a type argument: the fix can only name Iterable itself. */
    @Pipeline
    interface OwnIterable {
        interface Words extends Iterable<String> {
        }

        @Source Words words();

        @Sink void add(Integer size);
    }

    /** Two type arguments: which one is the element is not the fix's to guess. */
    @Pipeline
    interface ManyArguments {
        interface Pairs<K, V> extends Iterable<V> {
        }

        @Source Pairs<Integer, String> words();

        @Sink void add(Set<String> letters);
    }

    /** The type argument is not the element: the fix cannot change it to make the source fit. */
    @Pipeline
    interface ArgumentIsNotTheElement {
        interface Tagged<T> extends Iterable<String> {
        }

        @Source Tagged<String> words();

        @Sink void add(Integer count);
    }

    /** A bounded type parameter that cannot take the sink's type: Nums<String> would not compile. */
    @Pipeline
    interface BoundedParameter {
        interface Nums<N extends Number> extends Iterable<N> {
        }

        @Source Nums<Integer> numbers();

        @Sink void add(String number);
    }
}
