package fixtures;

import java.util.Date;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** An overload whose parameter types share a simple name: the message must tell the two apart. */
@Pipeline
public interface OverloadedStepOnSameNamedTypes {
    @Source Stream<Date> dates();

    @Stage java.sql.Date day(Date date);

    @Stage Date day(java.sql.Date date);

    @Sink void print(Date date);
}
