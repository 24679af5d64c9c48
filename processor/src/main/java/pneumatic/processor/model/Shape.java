package pneumatic.processor.model;

/** How a step hands on its results, which decides the code that calls it. */
public enum Shape {
    /** {@code R f(T)}: exactly one value per input. */
    VALUE,
    /** {@code Optional<R> f(T)}: zero or one. */
    OPTIONAL,
    /** {@code Stream<R> f(...)}: zero or more, a source or a stage. */
    STREAM,
    /** {@code Iterable<T> f()} or a subtype such as {@code List<T>}: a source. */
    ITERABLE,
    /** {@code Iterator<T> f()}: a source. */
    ITERATOR,
    /** {@code void f(Sender<R>)} or {@code void f(T, Sender<R>)}: the step sends by itself. */
    SENDER,
    /** {@code void f(T)}: a sink, which hands on nothing. */
    NONE
}
