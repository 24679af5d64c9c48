package fixtures;

import java.util.Iterator;
import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * A source whose elements are of a raw type that only its Iterable supertype names, and a step
 * of a raw member type (Box.Item is raw because Box is): the wiring would be unchecked.
 */
@SuppressWarnings("rawtypes")
public interface SourceOfElementsOfARawType {
    /** An Iterable of raw Lists. */
    abstract class RawLists implements Iterable<List> {
        @Override
        public abstract Iterator<List> iterator();
    }

    /** A generic class with an inner (non-static) class. */
    class Box<T> {
        public class Item {}
    }

    @Pipeline
    interface Steps {
        @Source RawLists lists();

        @Stage Box.Item wrap(Object list);

        @Sink void take(Object item);
    }
}
