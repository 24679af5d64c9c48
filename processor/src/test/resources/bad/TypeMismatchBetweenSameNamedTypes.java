package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** Two classes of one simple name, java.util.Date and java.sql.Date: the message must tell them apart. */
@Pipeline
public interface TypeMismatchBetweenSameNamedTypes {
    @Source List<java.util.Date> dates();

    @Sink void take(
            java.sql.Date date);
}
