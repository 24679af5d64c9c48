package fixtures;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * Step types its wiring can name: package-private and protected nested types of this package,
 * and public nested types of public types of another package.
 */
public class ReachableStepTypes {
    static final class Row {}

    protected static final class Cell {}

    @Pipeline
    interface Steps {
        @Source List<Row> rows();

        @Stage AbstractMap.SimpleEntry<Row, Cell> pair(Row row);

        @Sink void take(Map.Entry<Row, Cell> entry);
    }
}
