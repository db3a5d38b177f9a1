package cn.countyflow.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Checks the diagram of every {@code processes/*.bpmn} on the classpath, so that files added later are
 * held to the same rules: every node and flow drawn, nothing overlapping, Chinese names on the diagram.
 */
class ProcessDiagramsTest {

  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  static List<Resource> bpmnFiles() throws IOException {
    Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
    assertThat(found).as("BPMN files under processes/ on the classpath").isNotEmpty();
    return Arrays.asList(found);
  }

  static BpmnModelInstance read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return model;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyProcessFileHasACompleteCleanDiagram() throws IOException {
    return bpmnFiles().stream().flatMap(resource -> {
      String file = resource.getFilename();
      return Stream.of(
          DynamicTest.dynamicTest(file + ": 每个流程节点都有 BPMNShape", () -> everyFlowNodeHasAShape(read(resource))),
          DynamicTest.dynamicTest(file + ": 每条顺序流都有 BPMNEdge", () -> everySequenceFlowHasAnEdge(read(resource))),
          DynamicTest.dynamicTest(file + ": 图形互不重叠", () -> noTwoShapesOverlap(read(resource))),
          DynamicTest.dynamicTest(file + ": 标签不与图形或其他标签重叠", () -> labelsDoNotOverlap(read(resource))),
          DynamicTest.dynamicTest(file + ": 节点名称为中文", () -> everyFlowNodeHasAChineseName(read(resource))),
          DynamicTest.dynamicTest(file + ": 可执行且历史保留期不少于180天", () -> executableWithHistoryTimeToLive(read(resource))));
    });
  }

  static void everyFlowNodeHasAShape(BpmnModelInstance model) {
    Set<String> drawn = drawnElementIds(model.getModelElementsByType(BpmnShape.class));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("BPMNShape for %s", node.getId()).contains(node.getId());
    }
  }

  static void everySequenceFlowHasAnEdge(BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null) {
        drawn.add(edge.getBpmnElement().getId());
      }
      assertThat(edge.getWaypoints()).as("waypoints of %s", edge.getId()).hasSizeGreaterThanOrEqualTo(2);
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(drawn).as("BPMNEdge for %s", flow.getId()).contains(flow.getId());
    }
  }

  static void noTwoShapesOverlap(BpmnModelInstance model) {
    List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (nested(a.getBpmnElement(), b.getBpmnElement())) {
          continue;
        }
        assertThat(overlap(a.getBounds(), b.getBounds()))
            .as("shapes %s and %s overlap", a.getId(), b.getId()).isFalse();
      }
    }
  }

  static void labelsDoNotOverlap(BpmnModelInstance model) {
    List<Box> boxes = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      boxes.add(new Box(shape.getId(), shape.getBounds(), shape.getBpmnElement()));
    }
    for (BpmnLabel label : model.getModelElementsByType(BpmnLabel.class)) {
      Bounds bounds = label.getBounds();
      assertThat(bounds).as("bounds of a label in %s", label.getParentElement().getAttributeValue("id")).isNotNull();
      org.camunda.bpm.model.bpmn.instance.di.DiagramElement owner =
          (org.camunda.bpm.model.bpmn.instance.di.DiagramElement) label.getParentElement();
      BaseElement ownerElement = owner instanceof BpmnShape s ? s.getBpmnElement()
          : owner instanceof BpmnEdge e ? e.getBpmnElement() : null;
      boxes.add(new Box("label of " + label.getParentElement().getAttributeValue("id"), bounds, ownerElement));
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        Box a = boxes.get(i);
        Box b = boxes.get(j);
        boolean labelInsideContainer = (a.name.startsWith("label") && !b.name.startsWith("label")
            && nested(b.element, a.element)) || (b.name.startsWith("label") && !a.name.startsWith("label")
            && nested(a.element, b.element));
        if ((a.name.startsWith("label") || b.name.startsWith("label")) && !labelInsideContainer) {
          assertThat(overlap(a.bounds, b.bounds)).as("%s and %s overlap", a.name, b.name).isFalse();
        }
      }
    }
    // every named gateway and every named flow carries its own label bounds
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      boolean needsLabel = element instanceof org.camunda.bpm.model.bpmn.instance.Gateway
          || element instanceof org.camunda.bpm.model.bpmn.instance.Event;
      if (needsLabel && hasName(element)) {
        assertThat(shape.getBpmnLabel()).as("BPMNLabel of %s", shape.getId()).isNotNull();
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (hasName(edge.getBpmnElement())) {
        assertThat(edge.getBpmnLabel()).as("BPMNLabel of %s", edge.getId()).isNotNull();
      }
    }
  }

  static void everyFlowNodeHasAChineseName(BpmnModelInstance model) {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
      assertThat(CHINESE.matcher(node.getName()).find())
          .as("name of %s (%s) is Chinese", node.getId(), node.getName()).isTrue();
    }
  }

  static void executableWithHistoryTimeToLive(BpmnModelInstance model) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.isExecutable()).as("%s isExecutable", process.getId()).isTrue();
      String ttl = process.getCamundaHistoryTimeToLiveString();
      assertThat(ttl).as("historyTimeToLive of %s", process.getId()).isNotBlank();
      int days = ttl.startsWith("P") ? Integer.parseInt(ttl.substring(1, ttl.length() - 1)) : Integer.parseInt(ttl);
      assertThat(days).as("historyTimeToLive days of %s", process.getId()).isGreaterThanOrEqualTo(180);
    }
  }

  static boolean hasName(BaseElement element) {
    if (element == null) {
      return false;
    }
    String name = element.getAttributeValue("name");
    return name != null && !name.isBlank();
  }

  static Set<String> drawnElementIds(Collection<BpmnShape> shapes) {
    Set<String> ids = new HashSet<>();
    for (BpmnShape shape : shapes) {
      if (shape.getBpmnElement() != null) {
        ids.add(shape.getBpmnElement().getId());
      }
    }
    return ids;
  }

  /** Strict overlap: boxes that merely touch do not overlap. */
  static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  /**
   * Shapes that are meant to lie on or inside each other: a boundary event on its host activity, and an expanded
   * sub-process around the elements it contains (and their labels).
   */
  static boolean nested(BaseElement a, BaseElement b) {
    return contains(a, b) || contains(b, a);
  }

  static boolean contains(BaseElement container, BaseElement element) {
    if (container == null || element == null) {
      return false;
    }
    if (element instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent boundary
        && boundary.getAttachedTo() == container) {
      return true;
    }
    if (!(container instanceof org.camunda.bpm.model.bpmn.instance.SubProcess)) {
      return false;
    }
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == container) {
        return true;
      }
    }
    return false;
  }

  record Box(String name, Bounds bounds, BaseElement element) {
  }
}
