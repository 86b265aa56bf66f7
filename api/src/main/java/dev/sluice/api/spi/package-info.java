/**
 * What plugin authors implement: one provider interface per pluggable kind, found by
 * {@link java.util.ServiceLoader}. Users of Sluice do not need this package.
 */
package dev.sluice.api.spi;
