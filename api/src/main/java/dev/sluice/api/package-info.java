/**
 * The vocabulary of Sluice: datasets, samplers, collate functions, transforms, image decoders and
 * encoders, label formats, and the value types {@link dev.sluice.api.Image} and
 * {@link dev.sluice.api.Tensor}. Depends on the JDK only.
 */
package dev.sluice.api;
