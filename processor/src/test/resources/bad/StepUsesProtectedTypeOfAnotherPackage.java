package fixtures;

import fixtures.elsewhere.Table;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/**
 * Steps that use a protected type inherited from a class of another package: this subclass can
 * name it, but the wiring, a class of this package that extends nothing, cannot.
 */
public class StepUsesProtectedTypeOfAnotherPackage extends Table {
    @Pipeline
    interface Steps {
        @Source Stream<Row> rows();

        @Sink void take(
                Row row);
    }
}
