package fixtures;

import fixtures.elsewhere.Catalog;
import pneumatic.Pipeline;
import pneumatic.Sink;

/**
 * A step that names a public type through a public class of another package, while the class
 * that declares it is package-private there: the wiring names the type by that class.
 */
@Pipeline
public interface StepUsesTypeOfAPackagePrivateClass {
    @Sink void take(
            Catalog.Entry entry);
}
