package io.absmc.cli;

import io.absmc.scenario.yaml.Labelled;
import io.absmc.scenario.yaml.MapCursor;
import picocli.CommandLine;

/**
 * picocli converter of an option naming one of an enum's labels, with the scenario files' message
 * for an unknown one (the nearest label suggested). picocli wants a class per option type: extend
 * it with the enum.
 */
abstract class ChoiceConverter<E extends Enum<E> & Labelled>
    implements CommandLine.ITypeConverter<E> {

  private final Class<E> type;

  ChoiceConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    E choice = MapCursor.parseChoice(value, type);
    if (choice == null) {
      throw new CommandLine.TypeConversionException(MapCursor.unknownChoice(value, type));
    }
    return choice;
  }
}
