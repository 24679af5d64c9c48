package pneumatic.channel;

/**
 * Lincheck checks of {@link Channel#bounded(int) bounded(2)} ({@link ArrayFlavor}, a ring whose
 * head and tail wrap around within a scenario) against a FIFO queue of at most two values.
 */
public class ChannelLincheckBoundedTwoTest extends ChannelLincheckContract {

    public ChannelLincheckBoundedTwoTest() {
        super(Channel.bounded(2));
    }

    @Override
    Class<? extends ChannelModel> model() {
        return Model.class;
    }

    /** The sequential specification: a FIFO queue that holds at most two values. */
    public static final class Model extends ChannelModel.Buffered {
        public Model() {
            super(2);
        }

        @Override
        Buffered empty() {
            return new Model();
        }
    }
}
