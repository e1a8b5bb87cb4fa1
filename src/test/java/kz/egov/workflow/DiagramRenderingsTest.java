package kz.egov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * People look at the diagrams as pictures (README, docs/diagrams/): every diagram under {@code processes/}
 * has its rendering, made from the diagram as it is now. {@code npm run render} (scripts/render-diagrams.mjs)
 * writes {@code docs/diagrams/<regulation>/<channel>.svg} and {@code .png} and stamps the SVG with the
 * diagram's SHA-256; a diagram changed without rendering it again fails here.
 */
class DiagramRenderingsTest {

  private static final Pattern STAMP = Pattern.compile("<!-- rendered from (\\S+) sha256:([0-9a-f]{64}) ");
  private static final Pattern DRAWN = Pattern.compile("data-element-id=\"([^\"]+)\"");
  private static final String HOW = " (run `npm run render` and commit docs/diagrams/)";

  @TestFactory
  Stream<DynamicTest> everyDiagramHasAnUpToDateRendering() {
    return DiagramRuns.diagramFiles().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      Path svg = rendering(file, "svg");
      assertThat(svg).as(file + " has no rendering" + HOW).exists();
      assertThat(rendering(file, "png")).as(file + " has no PNG rendering" + HOW).exists();

      String text = Files.readString(svg, StandardCharsets.UTF_8);
      Matcher stamp = STAMP.matcher(text);
      assertThat(stamp.find()).as(svg + " does not say which diagram it was rendered from" + HOW).isTrue();
      assertThat(stamp.group(1)).isEqualTo(slashed(file));
      assertThat(stamp.group(2)).as(svg + " was rendered from an older version of " + file + HOW)
          .isEqualTo(sha256(file));

      // and the picture shows every element the diagram draws (nothing lost between diagram and picture)
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      List<String> drawnInDiagram = new ArrayList<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawnInDiagram.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawnInDiagram.add(e.getBpmnElement().getId()));
      List<String> drawnInPicture = new ArrayList<>();
      Matcher drawn = DRAWN.matcher(text);
      while (drawn.find()) {
        drawnInPicture.add(drawn.group(1));
      }
      assertThat(drawnInPicture).as(svg + " misses elements of " + file).containsAll(drawnInDiagram);
    }));
  }

  @Test
  void noRenderingOutlivesItsDiagram() throws IOException {
    Path renderings = Path.of("docs", "diagrams");
    List<Path> orphans;
    try (Stream<Path> files = Files.walk(renderings)) {
      orphans = files.filter(f -> f.toString().endsWith(".svg") || f.toString().endsWith(".png"))
          .filter(f -> !Files.exists(diagramOf(renderings.relativize(f)))).toList();
    }
    assertThat(orphans).as("renderings of diagrams no longer under processes/ (delete them)").isEmpty();
  }

  /** processes/<regulation>/<channel>.bpmn -> docs/diagrams/<regulation>/<channel>.<extension> */
  static Path rendering(Path diagram, String extension) {
    Path relative = Path.of("processes").relativize(diagram);
    String name = relative.getFileName().toString().replaceFirst("\\.bpmn$", "." + extension);
    return Path.of("docs", "diagrams").resolve(relative).resolveSibling(name);
  }

  private static Path diagramOf(Path rendering) {
    String name = rendering.getFileName().toString().replaceFirst("\\.(svg|png)$", ".bpmn");
    return Path.of("processes").resolve(rendering).resolveSibling(name);
  }

  private static String slashed(Path file) {
    return file.toString().replace('\\', '/');
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
