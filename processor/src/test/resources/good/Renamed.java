package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** @Pipeline(name) chooses the generated class's name. */
@Pipeline(name = "Indexer")
interface Renamed {
    @Source Iterable<String> documents();

    @Sink void index(String document);
}
