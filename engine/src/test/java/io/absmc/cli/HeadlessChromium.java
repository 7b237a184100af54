package io.absmc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real browser for the report tests: Debian's headless Chromium, driven over the Chrome DevTools
 * Protocol (a WebSocket, with the JDK's own client). Collects JavaScript exceptions, console
 * errors, failed loads and every network request; evaluates scripts in the page; takes full-page
 * screenshots.
 *
 * <p>Without a Chromium on the machine the tests that need one are skipped, unless the
 * environment variable {@code ABSMC_REQUIRE_BROWSER} is set (as {@code .ci/run} sets it after
 * installing Chromium), when they fail.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  /** The Chromium to use: {@code ABSMC_CHROMIUM}, else the first found on the usual paths. */
  static Path executable() {
    String configured = System.getenv("ABSMC_CHROMIUM");
    List<String> candidates = configured != null ? List.of(configured)
        : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  /** Starts a browser, or skips the calling test when none is installed and none is required. */
  static HeadlessChromium start() throws Exception {
    Path exe = executable();
    if (exe == null) {
      if (System.getenv("ABSMC_REQUIRE_BROWSER") != null) {
        throw new IllegalStateException("no Chromium found (install Debian's chromium package,"
            + " or set ABSMC_CHROMIUM)");
      }
      Assumptions.abort("no Chromium on this machine: report rendering not checked (apt-get"
          + " install chromium; .ci/run does)");
    }
    return new HeadlessChromium(exe);
  }

  private HeadlessChromium(Path exe) throws Exception {
    profile = Files.createTempDirectory("absmc-chromium-");
    // the flags keep a sandboxed, offline machine quiet: no GPU, no background network traffic
    process = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--hide-scrollbars", "--remote-allow-origins=*", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserUrl = awaitListening(process);
    int port = URI.create(browserUrl).getPort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    String pageUrl = null;
    for (JsonNode t : targets) {
      if ("page".equals(t.path("type").asText())) {
        pageUrl = t.path("webSocketDebuggerUrl").asText();
      }
    }
    if (pageUrl == null) {
      throw new IllegalStateException("Chromium opened no page: " + targets);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener())
        .get(10, TimeUnit.SECONDS);
    for (String domain : new String[] {"Runtime", "Log", "Page", "Network"}) {
      call(domain + ".enable", JSON.createObjectNode());
    }
  }

  private static String awaitListening(Process process) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        // keep draining stderr so that the browser never blocks on a full pipe
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
      seen.append(line).append('\n');
    }
    process.destroyForcibly();
    throw new IllegalStateException("Chromium did not start:\n" + seen);
  }

  /** Opens a file and waits for its load event and for {@code readyScript} to be true. */
  void open(Path file, String readyScript) throws Exception {
    loaded = new CompletableFuture<>();
    ObjectNode p = JSON.createObjectNode().put("url", file.toUri().toString());
    JsonNode r = call("Page.navigate", p);
    if (r.has("errorText")) {
      throw new IllegalStateException("could not open " + file + ": " + r.get("errorText"));
    }
    loaded.get(60, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!evaluate(readyScript).asBoolean(false)) {
      if (!errors.isEmpty() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the page never became ready (" + readyScript
            + "); errors: " + errors);
      }
      Thread.sleep(50);
    }
  }

  /** Evaluates an expression in the page; its value, by JSON. */
  JsonNode evaluate(String expression) throws Exception {
    ObjectNode p = JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true).put("awaitPromise", true);
    JsonNode r = call("Runtime.evaluate", p);
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the whole page, not just the window. */
  void screenshot(Path png) throws Exception {
    screenshot(png, Double.POSITIVE_INFINITY);
  }

  /** A PNG of the page's top, at most {@code height} CSS pixels of it. */
  void screenshot(Path png, double height) throws Exception {
    screenshot(png, "body", height);
  }

  /**
   * A PNG of the page from the top of the first element matching {@code selector}, at most
   * {@code height} CSS pixels.
   */
  void screenshot(Path png, String selector, double height) throws Exception {
    JsonNode size = call("Page.getLayoutMetrics", JSON.createObjectNode()).path("cssContentSize");
    double top = evaluate("Math.max(0, document.querySelector(" + JSON.writeValueAsString(selector)
        + ").getBoundingClientRect().top + window.scrollY - 12)").asDouble();
    ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", top)
        .put("width", size.path("width").asDouble())
        .put("height", Math.min(height, size.path("height").asDouble() - top))
        .put("scale", 1);
    ObjectNode p = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    p.set("clip", clip);
    JsonNode r = call("Page.captureScreenshot", p);
    Files.createDirectories(png.getParent());
    Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
  }

  /** JavaScript exceptions, console errors and failed loads seen so far. */
  List<String> errors() {
    return new ArrayList<>(errors);
  }

  /** The URL of every request the page made. */
  List<String> requests() {
    return new ArrayList<>(requests);
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode r = reply.get(60, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  private void event(JsonNode m) {
    JsonNode p = m.path("params");
    switch (m.path("method").asText()) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Runtime.exceptionThrown" -> errors.add("exception: "
          + p.path("exceptionDetails").path("exception").path("description").asText(
              p.path("exceptionDetails").path("text").asText()));
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + p.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        if ("error".equals(p.path("entry").path("level").asText())) {
          errors.add("log: " + p.path("entry").path("text").asText() + " "
              + p.path("entry").path("url").asText());
        }
      }
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
      case "Network.loadingFailed" -> errors.add("load failed: " + p.path("errorText").asText());
      default -> { }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode m = JSON.readTree(partial.toString());
          if (m.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(m.get("id").asInt());
            if (reply != null) {
              reply.complete(m);
            }
          } else {
            event(m);
          }
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser is stopped below either way
    }
    // the whole tree: Chromium's renderer, GPU and network processes write into the profile too
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    process.destroy();
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
        p.onExit().get(10, TimeUnit.SECONDS);
      }
    }
    deleteTree(profile);
  }

  /** Deletes a folder tree, tolerating files that vanish while it walks (tries a few times). */
  private static void deleteTree(Path root) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(Path file,
              java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e)
              throws IOException {
            Files.deleteIfExists(dir);
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
        return;
      } catch (java.nio.file.NoSuchFileException e) {
        return;
      } catch (IOException e) {
        if (attempt == 4) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
