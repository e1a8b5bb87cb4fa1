package kz.egov.workflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams and forms under their classpath names ({@code forms/scrap-metal-license/scans.html}),
 * not under the absolute file path (or the bare file name, from a jar) that the Spring integration gives a file
 * found by {@code camunda.bpm.deployment-resource-pattern}. Embedded forms are referenced as
 * {@code embedded:deployment:forms/<regulation>/<form>.html}: Tasklist looks them up in the deployment by that
 * name, and without this it answers "the form ... cannot be found in deployment" (R2 P6, the scans form).
 */
@Component
public class DeploymentResourceNames extends DefaultDeploymentConfiguration {

  @Override
  public Set<Resource> getDeploymentResources() {
    List<String> roots = classpathRoots();
    Set<Resource> named = new LinkedHashSet<>();
    for (Resource resource : super.getDeploymentResources()) {
      named.add(new Named(classpathName(resource, roots)));
    }
    return named;
  }

  /** The name under which the class loader finds the resource: after the jar's "!/" or below a classpath folder. */
  static String classpathName(Resource resource, List<String> roots) {
    try {
      String url = resource.getURL().toString();
      int inJar = url.lastIndexOf("!/");
      if (inJar >= 0) {
        return url.substring(inJar + 2);
      }
      String file = Path.of(resource.getURI()).toAbsolutePath().normalize().toString().replace('\\', '/');
      for (String root : roots) {
        if (file.startsWith(root)) {
          return file.substring(root.length());
        }
      }
      throw new IllegalStateException(file + " is under no classpath folder " + roots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> classpathRoots() {
    List<String> roots = new ArrayList<>();
    try {
      for (URL root : Collections.list(DeploymentResourceNames.class.getClassLoader().getResources(""))) {
        if ("file".equals(root.getProtocol())) {
          String path = Path.of(root.toURI()).toAbsolutePath().normalize().toString().replace('\\', '/');
          roots.add(path.endsWith("/") ? path : path + "/");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return roots;
  }

  /** A classpath resource the engine names by its path (the Spring integration uses a ContextResource's path). */
  static final class Named extends ClassPathResource implements ContextResource {

    Named(String path) {
      super(path, DeploymentResourceNames.class.getClassLoader());
    }

    @Override
    public String getPathWithinContext() {
      return getPath();
    }
  }
}
