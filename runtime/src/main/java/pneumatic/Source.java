package pneumatic;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that produces a pipeline's input: the first step, run once on one thread.
 *
 * <p>It takes no parameters and has one of these shapes; {@code T} is what flows downstream:
 *
 * <pre>{@code
 * @Source List<String> lines();              // any Iterable<T>: List, Set, ...
 * @Source Iterator<String> lines();
 * @Source Stream<String> lines();            // closed when exhausted
 * @Source void lines(Sender<String> out);    // sends as many values as it likes
 * }</pre>
 *
 * <p>The source's end is the pipeline's end: once it returns (or its iterable, iterator or stream
 * is exhausted), the next step drains what is left and ends, and so on down the line. A
 * {@code Sender} handed to a source belongs to the run: send on it, never close it. A pipeline
 * without a source is fed by its caller ({@link PipelineRun.WithInput#input()}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Source {}
