package pneumatic;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that consumes a pipeline's results: the last step. It takes the previous
 * step's output and returns nothing.
 *
 * <pre>{@code
 * @Sink void count(String word);
 * @Sink(workers = 2, capacity = Stage.UNBOUNDED) void store(Row row) throws SQLException;
 * }</pre>
 *
 * <p>A pipeline without a sink hands its results to its caller
 * ({@link PipelineRun.WithOutput#output()}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sink {

    /**
     * The number of threads running the sink, at least 1; see {@link Stage#workers()}.
     *
     * @return the number of worker threads
     */
    int workers() default 1;

    /**
     * The capacity of the channel that feeds the sink; see {@link Stage#capacity()}.
     *
     * @return the input channel's capacity, {@code -1} or more
     */
    int capacity() default Stage.DEFAULT_CAPACITY;
}
