package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** name names a constant that does not exist: javac hands the processor "<error>" for it. */
@Pipeline(name = Names.LINES)
interface UndefinedConstantInName {
    @Source List<String> lines();

    @Sink void print(String line);
}
