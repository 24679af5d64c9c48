package fixtures;

import java.util.List;
import java.util.Date;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A stage whose shape is wrong, with two classes of one simple name in its signature. */
@Pipeline
public interface StageShapeOfSameNamedTypes {
    @Source List<java.sql.Date> days();

    @Stage void stamp(Sender<Date> out, java.sql.Date day);

    @Sink void take(Date date);
}
