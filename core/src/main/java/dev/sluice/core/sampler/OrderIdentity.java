package dev.sluice.core.sampler;

/**
 * A sampler that can say what decides the order of its indices, for the plan of a saved loader
 * state ({@link dev.sluice.core.loader.LoaderState.Plan#sampler}): a loader resumed with a sampler
 * of another identity would deliver other samples, and refuses the state.
 */
public interface OrderIdentity {

    /**
     * The kind of sampler and every parameter that changes its indices, in printable ASCII without
     * spaces, at most 500 characters (large inputs, such as weights or listed indices, as a digest),
     * for example {@code distributed(dataset_size=10,num_replicas=3,rank=1,shuffle=true,seed=0,drop_last=false)}.
     */
    String orderIdentity();
}
