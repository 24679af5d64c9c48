package pneumatic.processor.validate;

import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;

/**
 * A check of the parsed pipeline. Rules skip the steps whose shape is unknown (already
 * reported, or decided by an undefined type), so that one mistake does not cause a cascade of
 * errors.
 */
public interface ChainRule {

    void check(Pipeline pipeline, Report report);
}
