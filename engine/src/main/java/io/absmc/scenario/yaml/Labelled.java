package io.absmc.scenario.yaml;

/** A policy enum whose constants are written in files by a label such as {@code pass_through}. */
public interface Labelled {

  /** The spelling used in scenario files. */
  String label();
}
