/**
 * Reading YAML and JSON that may be hostile: every configuration, override, JSON label and loader
 * state goes through {@link dev.sluice.core.yaml.BoundedYaml}, which refuses deep nesting, aliases
 * that refer to themselves and alias bombs before anything is built from the text.
 */
package dev.sluice.core.yaml;
