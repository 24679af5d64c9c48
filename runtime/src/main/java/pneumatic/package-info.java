/**
 * Pipelines: an interface whose methods are the steps, wired into threads and channels at
 * compile time.
 *
 * <pre>{@code
 * @Pipeline
 * public interface Checksums {
 *     @Source Stream<Path> files() throws IOException;
 *     @Stage(workers = 4) FileDigest hash(Path file) throws IOException;
 *     @Sink void collect(FileDigest digest);
 * }
 *
 * ChecksumsWiring.run(new Hasher(root));      // generated: starts 6 threads, waits, rethrows
 * }</pre>
 *
 * <p>{@link pneumatic.Pipeline}, {@link pneumatic.Source}, {@link pneumatic.Stage} and
 * {@link pneumatic.Sink} describe a pipeline; the annotation processor checks it and generates
 * its {@code XWiring} class. A run is a {@link pneumatic.PipelineRun}: await it, cancel it, or
 * close it to stop it and wait for its threads; a failed step surfaces as a
 * {@link pneumatic.PipelineFailedException} that names it. {@link pneumatic.RunningPipeline} and
 * {@link pneumatic.Outputs} are what the generated code calls; applications do not need them.
 *
 * <p>The channels between the steps are those of {@link pneumatic.channel}.
 */
package pneumatic;
