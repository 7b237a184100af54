/**
 * Reading YAML with locations: a node tree that remembers lines and field paths, a cursor that
 * reads typed fields and collects problems, and the problem list itself. Knows nothing of deals.
 */
package io.absmc.scenario.yaml;
