package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * A Grid<?> is an Iterable of List<List<capture of ?>>: its rows are List<? extends List<?>>,
 * not List<List<?>>, so a sink of List<List<?>> cannot take them.
 */
public interface SourceOfCapturedElements {
    interface Grid<T> extends Iterable<List<List<T>>> {}

    @Pipeline
    interface Steps {
        @Source Grid<?> rows();

        @Sink void take(
                List<List<?>> row);
    }
}
