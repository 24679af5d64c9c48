package pneumatic;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are the steps of a pipeline. At compile time, Pneumatic's
 * processor checks the interface and generates a class {@code XWiring} (for an interface
 * {@code X}) that runs it: one channel per edge between consecutive steps, the requested number
 * of threads per step, and a run that ends by itself once the source is exhausted.
 *
 * <pre>{@code
 * @Pipeline
 * public interface WordCount {
 *     @Source Stream<String> lines();                                   // produces the input
 *     @Stage(workers = 4) void words(String line, Sender<String> out);  // 0..n outputs per input
 *     @Stage String lower(String word);                                 // exactly 1 output
 *     @Stage Optional<String> longOnes(String word);                    // 0..1 output
 *     @Sink void count(String word);                                    // consumes
 * }
 *
 * WordCountWiring.run(new MyWordCount());   // runs every step on its threads, waits, rethrows
 * }</pre>
 *
 * <p>The steps are the interface's abstract methods, each annotated with exactly one of
 * {@link Source}, {@link Stage} or {@link Sink}, and they run in declaration order: at most one
 * source (first), any number of stages, at most one sink (last). Each step's output type must be
 * assignable to the next step's input type. Default and static methods are ignored. Every
 * mistake is a compile error on the method, parameter or annotation value at fault.
 *
 * <p>Without a {@code @Source}, the pipeline is fed by the caller through
 * {@link PipelineRun.WithInput#input()}; without a {@code @Sink}, its results are read from
 * {@link PipelineRun.WithOutput#output()}.
 *
 * <p>The generated class is {@code public final}, lives in the interface's package and has two
 * static methods: {@code start(X)}, which returns a {@link PipelineRun} at once, and
 * {@code run(X)}, which starts the pipeline and waits for it to end. Without a {@code @Source},
 * {@code run} also takes the values to feed in ({@code run(X, Iterable)}); without a
 * {@code @Sink}, it returns what comes out as a {@code List}. A nested interface
 * {@code Outer.Inner} gives {@code Outer_InnerWiring}.
 *
 * <p>The interface is top level or nested in a class, interface, enum or record, never local to a
 * method: the generated class could not see it. A local {@code @Pipeline} is a
 * {@code [Pipeline/Visibility]} error, but only when javac runs the processor at all, which it
 * does for annotations outside method bodies: in a compilation with no other Pneumatic
 * annotation, nothing is generated and nothing is reported, and the first sign is a missing
 * {@code XWiring} where it is used.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Pipeline {

    /**
     * The simple name of the generated class, instead of the default {@code XWiring}; it is
     * generated in the interface's package. It must be a valid class name that is not restricted
     * ({@code var}, {@code record}, {@code yield}, {@code sealed}, {@code permits}) and not the
     * name of a {@code java.lang} class (a class {@code String} in the package would hide
     * {@code java.lang.String} from all of it); otherwise it is a {@code [Pipeline/Name]} error.
     *
     * <pre>{@code
     * @Pipeline(name = "Indexer")        // generates Indexer.start(...), Indexer.run(...)
     * interface IndexSteps { ... }
     * }</pre>
     *
     * @return the generated class's simple name, or {@code ""} for the default
     */
    String name() default "";
}
