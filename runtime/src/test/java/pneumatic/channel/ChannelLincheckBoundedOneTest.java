package pneumatic.channel;

/**
 * Lincheck checks of {@link Channel#bounded(int) bounded(1)} ({@link ArrayFlavor}, the smallest
 * ring, where every send after the first waits for a receive) against a FIFO queue of at most one
 * value.
 */
public class ChannelLincheckBoundedOneTest extends ChannelLincheckContract {

    public ChannelLincheckBoundedOneTest() {
        super(Channel.bounded(1));
    }

    @Override
    Class<? extends ChannelModel> model() {
        return Model.class;
    }

    /** The sequential specification: a FIFO queue that holds at most one value. */
    public static final class Model extends ChannelModel.Buffered {
        public Model() {
            super(1);
        }

        @Override
        Buffered empty() {
            return new Model();
        }
    }
}
