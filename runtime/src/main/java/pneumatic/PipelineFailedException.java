package pneumatic;

/**
 * A step of a pipeline threw, so the run was stopped. {@link #stage()} names the step's method,
 * {@link #getCause()} is the exception the step threw, and the failures of other steps that came
 * after it (if any) are attached as {@linkplain #getSuppressed() suppressed} exceptions.
 *
 * <pre>{@code
 * try {
 *     ChecksumsWiring.run(impl);
 * } catch (PipelineFailedException e) {
 *     // e.stage() is "hash", e.getCause() the IOException that hash(Path) threw
 * }
 * }</pre>
 *
 * <p>Exceptions thrown once the run is stopping that only show it is stopping (a send that found
 * its channel disconnected, an interrupt caused by the stop, also as interruptible I/O reports it
 * or as a step rethrows it wrapped) are not failures and are not attached; a failure that such an
 * exception carries as suppressed is (a step's {@code Stream} whose close failed after its send
 * was disconnected). Before any stop, a disconnection fails the run like any other exception:
 * closing {@link PipelineRun.WithOutput#output()} before the end makes the last step's next send
 * throw {@link pneumatic.channel.DisconnectedException}, and that is the cause.
 */
public class PipelineFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The pipeline's interface name. */
    private final String pipeline;

    /** The method name of the step that failed first. */
    private final String stage;

    /**
     * Creates the exception for the step that failed first.
     *
     * @param pipeline the pipeline's name (its interface's simple name)
     * @param stage the method name of the step that failed
     * @param cause what the step threw
     */
    public PipelineFailedException(String pipeline, String stage, Throwable cause) {
        super("step " + stage + " of pipeline " + pipeline + " failed: " + describe(cause), cause);
        this.pipeline = pipeline;
        this.stage = stage;
    }

    /**
     * The cause as its {@code toString()} gives it, or its class name when that throws: a step's
     * exception with a broken {@code toString()} or {@code getMessage()} must still be reported,
     * not replaced by what its {@code toString()} threw.
     */
    private static String describe(Throwable cause) {
        try {
            return String.valueOf(cause);
        } catch (Throwable broken) { // whatever it is, even a checked exception thrown sneakily
            return cause.getClass().getName() + " (its toString() threw " + broken.getClass().getName() + ")";
        }
    }

    /**
     * Returns the name of the pipeline that failed: its interface's simple name.
     *
     * @return for example {@code "WordCount"}
     */
    public String pipeline() {
        return pipeline;
    }

    /**
     * Returns the method name of the step that failed first: a source, stage or sink. When the
     * {@code Iterable} given to a generated {@code run(steps, inputs)} failed, it is
     * {@code "<input>"}, for the thread that feeds the values in (named
     * {@code <Pipeline>-<input>-1}); no method can have that name, so it is never taken for a
     * step named {@code input}.
     *
     * @return for example {@code "lower"}
     */
    public String stage() {
        return stage;
    }
}
