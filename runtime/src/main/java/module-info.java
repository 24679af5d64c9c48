/**
 * Pneumatic's runtime: the channels ({@link pneumatic.channel}) and the {@code @Pipeline}
 * annotations with what a run is ({@link pneumatic}). It depends on java.base only.
 *
 * <p>The wiring classes the annotation processor generates live in the application's own module
 * and call the public support classes of {@code pneumatic} ({@link pneumatic.RunningPipeline},
 * {@link pneumatic.Outputs}), so {@code requires io.github.pneumatic.runtime;} is all a named
 * module needs for them.
 *
 * <pre>{@code
 * module app {
 *     requires io.github.pneumatic.runtime;
 *     requires static java.compiler;   // optional: keeps the wiring's @Generated marker
 * }
 * }</pre>
 */
module io.github.pneumatic.runtime {
    exports pneumatic;
    exports pneumatic.channel;
}
