package io.absmc.scenario.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document with Jackson's streaming parser into a tree of {@link YamlNode}s that
 * remember their line and field path, so that every later message can say where a value is.
 * Anchors and aliases ({@code &consumer}, {@code *consumer}) are resolved: an alias is a copy of the
 * anchored value, with lines pointing at the anchor. Syntax errors and duplicate keys are reported
 * to {@link Problems}, not thrown.
 */
public final class YamlDocument {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlDocument() {
  }

  /** Parses text; returns the root, or null when the text is not YAML (the problem is recorded). */
  public static YamlNode parse(String text, Problems problems) {
    return parse(new StringReader(text), problems);
  }

  /** Parses from a reader; returns the root, or null when the input is not YAML. */
  public static YamlNode parse(Reader reader, Problems problems) {
    try (JsonParser parser = FACTORY.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(1, "", "the file is empty");
        return null;
      }
      return read((YAMLParser) parser, "", problems, new HashMap<>());
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      problems.add(loc == null ? 1 : loc.getLineNr(), "", "not valid YAML: " + oneLine(e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(1, "", "cannot read: " + e.getMessage());
      return null;
    }
  }

  /**
   * The parser's message without its excerpt of the file: the lines that start without indentation
   * ("while parsing a flow sequence", "expected ',' or ']', but got :").
   */
  private static String oneLine(String message) {
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        sb.append(sb.length() == 0 ? "" : "; ").append(line.trim());
      }
    }
    return sb.length() == 0 ? message.trim() : sb.toString();
  }

  private static YamlNode read(YAMLParser parser, String path, Problems problems,
      Map<String, YamlNode> anchors) throws IOException {
    JsonToken token = parser.currentToken();
    int line = parser.currentTokenLocation().getLineNr();
    if (parser.isCurrentAlias()) {
      YamlNode target = anchors.get(parser.getText());
      if (target == null) {
        problems.add(line, path, "unknown alias '*" + parser.getText() + "'");
        return YamlNode.scalar(YamlNode.Kind.NULL, path, line, null);
      }
      return target.withPath(path);
    }
    String anchor = parser.getObjectId();
    YamlNode node = readValue(parser, token, line, path, problems, anchors);
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private static YamlNode readValue(YAMLParser parser, JsonToken token, int line, String path,
      Problems problems, Map<String, YamlNode> anchors) throws IOException {
    switch (token) {
      case START_OBJECT: {
        LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
        LinkedHashMap<String, Integer> keyLines = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = parser.currentTokenLocation().getLineNr();
          parser.nextToken();
          YamlNode value = read(parser, YamlNode.child(path, key), problems, anchors);
          if (entries.containsKey(key)) {
            problems.add(keyLine, YamlNode.child(path, key),
                "duplicate field (first given on line " + keyLines.get(key) + ")");
          } else {
            entries.put(key, value);
            keyLines.put(key, keyLine);
          }
        }
        return YamlNode.map(path, line, entries, keyLines);
      }
      case START_ARRAY: {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser, YamlNode.item(path, items.size()), problems, anchors));
        }
        return YamlNode.list(path, line, items);
      }
      case VALUE_STRING:
        return YamlNode.scalar(YamlNode.Kind.STRING, path, line, parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return YamlNode.scalar(YamlNode.Kind.NUMBER, path, line, parser.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return YamlNode.scalar(YamlNode.Kind.BOOLEAN, path, line, parser.getText());
      case VALUE_NULL:
        return YamlNode.scalar(YamlNode.Kind.NULL, path, line, null);
      default:
        problems.add(line, path, "unexpected YAML content " + token);
        return YamlNode.scalar(YamlNode.Kind.NULL, path, line, null);
    }
  }
}
