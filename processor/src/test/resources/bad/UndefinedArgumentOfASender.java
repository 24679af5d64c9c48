package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/**
 * A stage that sends into a Sender of an undefined type. Eclipse's compiler calls the whole
 * Sender<Nope> undefined, where javac keeps the Sender and undefines only Nope; on both, it is a
 * Sender, of the right shape and not raw, and the one mistake is the missing type.
 */
@Pipeline
interface UndefinedArgumentOfASender {
    @Source List<String> lines();

    @Stage void relay(String line, Sender<Nope> out);

    @Sink void print(String line);
}
