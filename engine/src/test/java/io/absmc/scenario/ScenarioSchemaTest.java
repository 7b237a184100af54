package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.absmc.TestFiles;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlDocument;
import io.absmc.scenario.yaml.YamlNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON Schema in {@code scenarios/scenario.schema.json} (for editors) accepts every bundled
 * scenario and rejects what the loader rejects for shape: unknown fields and unknown values.
 */
class ScenarioSchemaTest {

  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try {
      JsonNode schema = new ObjectMapper().readTree(TestFiles.path("scenarios/scenario.schema.json").toFile());
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Bundled scenarios: everything under scenarios/ except the invalid corpus and stress sets, and
   * the peer benchmark's deal.
   */
  static List<Path> bundled() throws IOException {
    try (Stream<Path> s = Stream.concat(Files.walk(TestFiles.path("scenarios")),
        Stream.of(TestFiles.path("benchmarks/peer/peer.yaml")))) {
      return s.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/invalid/") && !p.toString().contains("/stress/"))
          .sorted().toList();
    }
  }

  /** The document as JSON, with YAML aliases expanded (as the loader reads it). */
  static JsonNode json(String text) {
    Problems problems = new Problems("x");
    YamlNode root = YamlDocument.parse(text, problems);
    assertThat(problems.messages()).isEmpty();
    return toJson(root);
  }

  private static JsonNode toJson(YamlNode n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (n.kind()) {
      case MAP -> {
        ObjectNode o = f.objectNode();
        n.entries().forEach((k, v) -> o.set(k, toJson(v)));
        yield o;
      }
      case LIST -> {
        ArrayNode a = f.arrayNode();
        n.items().forEach(i -> a.add(toJson(i)));
        yield a;
      }
      case NUMBER -> n.text().matches("[-+]?\\d+") ? f.numberNode(new java.math.BigInteger(n.text()))
          : f.numberNode(new BigDecimal(n.text()));
      case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(n.text()));
      case STRING -> f.textNode(n.text());
      case NULL -> f.nullNode();
    };
  }

  @Test
  void thereAreBundledScenarios() throws IOException {
    assertThat(bundled()).extracting(p -> p.getFileName().toString())
        .contains("ali-microloan-plan1.yaml", "ant-credit-pay-abs.yaml", "seed-worked-example.yaml",
            "peer.yaml");
  }

  @TestFactory
  Stream<DynamicTest> everyBundledScenarioMatchesTheSchema() throws IOException {
    return bundled().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          Set<ValidationMessage> errors = SCHEMA.validate(json(Files.readString(file)));
          assertThat(errors).isEmpty();
        }));
  }

  /**
   * One rule set: every file of the invalid corpus states on its first line what the schema does
   * with it, and the schema does that. "Schema: rejects." for every rule on one field (its type,
   * range, form, or a name or value it must not take); "Schema: loader only (why)." for rules
   * that compare fields, names or sums, which only the loader checks; "Schema: not read." for
   * text the loader does not take as YAML.
   */
  @TestFactory
  Stream<DynamicTest> theSchemaGivesEachInvalidFileItsStatedVerdict() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(TestFiles.path("scenarios/invalid"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(60);
    java.util.regex.Pattern verdict = java.util.regex.Pattern.compile(
        "Schema: (rejects|loader only \\(.+\\)|not read)\\.$");
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
          java.util.regex.Matcher m = verdict.matcher(text.lines().findFirst().orElse(""));
          assertThat(m.find()).as("the first line states the schema's verdict").isTrue();
          Problems problems = new Problems("x");
          YamlNode root = YamlDocument.parse(text, problems);
          if (m.group(1).equals("not read")) {
            assertThat(problems.isEmpty() && root != null).as("parsed").isFalse();
            return;
          }
          assertThat(problems.messages()).as("parses").isEmpty();
          Set<ValidationMessage> errors = SCHEMA.validate(toJson(root));
          if (m.group(1).equals("rejects")) {
            assertThat(errors).as("the schema rejects it").isNotEmpty();
          } else {
            assertThat(errors).as("the schema accepts it; only the loader refuses it").isEmpty();
          }
        }));
  }

  @Test
  void schemaRejectsUnknownFieldsAndValues() {
    String text = TestFiles.read("scenarios/ali-microloan-plan1.yaml");
    assertThat(SCHEMA.validate(json(text.replace("account_rate:", "acount_rate:")))).isNotEmpty();
    assertThat(SCHEMA.validate(json(text.replace("amortisation: bullet", "amortisation: baloon"))))
        .isNotEmpty();
    assertThat(SCHEMA.validate(json(text.replace("- pay_fees", "- pay_feez")))).isNotEmpty();
  }
}
