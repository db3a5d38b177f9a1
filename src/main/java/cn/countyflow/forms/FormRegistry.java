package cn.countyflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The form files, parsed once and cached. Two kinds of key:
 * <ul>
 * <li>a <b>deployed form</b>, {@code deployment:<deploymentId>:<formId>}: the form with that id as it was deployed with
 * the processes (user tasks bind {@code camunda:formRef} with {@code formRefBinding="deployment"}), so a running case
 * keeps the version it started with, whatever the files say after an upgrade. Deployments never change, so neither does
 * what such a key names;</li>
 * <li>a <b>file</b> on the classpath under {@code forms/}, the path below that folder, e.g. {@code pilot/city-screening.form}
 * (the files as this build ships them: for read-only views of business data and for tests); Camunda's
 * {@code camunda-forms:deployment:} / {@code camunda-forms:app:} prefixes and a leading {@code forms/} are accepted.</li>
 * </ul>
 */
@Service
public class FormRegistry {

    private static final String[] KEY_PREFIXES = {"camunda-forms:deployment:", "camunda-forms:app:", "/"};
    private static final String DEPLOYED = "deployment:";

    private final ResourcePatternResolver resolver;
    private final String folder;
    private final FormParser parser = new FormParser();
    private final Map<String, FormDefinition> cache = new ConcurrentHashMap<>();
    /** Each form's JSON as read once: deployed forms by their key, shipped files by their path. */
    private final Map<String, String> deployedJson = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FormDiff> diffs = new ConcurrentHashMap<>();
    private final ObjectProvider<RepositoryService> repository;
    private volatile Map<String, String> fileById;

    @Autowired
    public FormRegistry(ObjectProvider<RepositoryService> repository) {
        this(new PathMatchingResourcePatternResolver(), "forms", repository);
    }

    /** The shipped files only (no engine): for tests of the files themselves. */
    public FormRegistry() {
        this(new PathMatchingResourcePatternResolver(), "forms", null);
    }

    /** For tests: forms from another classpath folder. */
    public FormRegistry(ResourcePatternResolver resolver, String folder) {
        this(resolver, folder, null);
    }

    private FormRegistry(ResourcePatternResolver resolver, String folder, ObjectProvider<RepositoryService> repository) {
        this.resolver = resolver;
        this.folder = folder;
        this.repository = repository;
    }

    /** The key of the form with id {@code formId} as deployed in {@code deploymentId}. */
    public static String deployedKey(String deploymentId, String formId) {
        return DEPLOYED + deploymentId + ":" + formId;
    }

    /**
     * The file below {@code forms/} that a key's form comes from (for views that choose by file, e.g. the panel beside a
     * self-evaluation): the key itself for a file key; for a deployed form, the shipped file with the same form id,
     * or the id when this build no longer ships it.
     */
    public String fileOf(String key) {
        if (key == null || !key.startsWith(DEPLOYED)) return key == null ? null : normalize(key);
        return fileWithId(key.substring(key.indexOf(':', DEPLOYED.length()) + 1));
    }

    /** The shipped file below {@code forms/} whose form has the id (e.g. a province's variant of a draft form). */
    public String fileWithId(String formId) {
        Map<String, String> files = fileById;
        if (files == null) {
            Map<String, String> found = new ConcurrentHashMap<>();
            for (String file : allFormKeys()) {
                found.putIfAbsent(get(file).id() == null ? file : get(file).id(), file);
            }
            fileById = files = found;
        }
        return files.getOrDefault(formId, formId);
    }

    /**
     * What changed between two versions of the data of the form the key names, each change named by the form's labels
     * and placed in its section (one {@link FormDiff} per form, made on first use).
     */
    public FormDiff diff(String key) {
        String cacheKey = key.startsWith(DEPLOYED) ? key : normalize(key);
        return diffs.computeIfAbsent(cacheKey, k -> FormDiff.of(get(k)));
    }

    /** The form's JSON (Camunda Forms schema) exactly as the key names it: deployed, or the shipped file. */
    public String schemaJson(String key) {
        get(key); // known and supported, or an IllegalArgumentException
        if (key.startsWith(DEPLOYED)) return deployedJson.get(key);
        return deployedJson.computeIfAbsent(normalize(key), file -> {
            try (InputStream in = resolver.getResource("classpath:" + folder + "/" + file).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read form file " + key, e);
            }
        });
    }

    /**
     * @throws IllegalArgumentException when there is no such form file
     * @throws FormSchemaException      when the file uses something the renderer does not support
     */
    public FormDefinition get(String formKey) {
        if (formKey != null && formKey.startsWith(DEPLOYED)) {
            return cache.computeIfAbsent(formKey, this::loadDeployed);
        }
        String key = normalize(formKey);
        return cache.computeIfAbsent(key, this::load);
    }

    /** Reads the deployment's form resources through the engine's public API and keeps the one with the id. */
    private FormDefinition loadDeployed(String key) {
        int split = key.indexOf(':', DEPLOYED.length());
        if (split < 0 || repository == null) throw new IllegalArgumentException("invalid deployed form key: " + key);
        String deploymentId = key.substring(DEPLOYED.length(), split);
        String formId = key.substring(split + 1);
        RepositoryService engine = repository.getObject();
        for (var resource : engine.getDeploymentResources(deploymentId)) {
            if (!resource.getName().endsWith(".form")) continue;
            try (InputStream in = engine.getResourceAsStream(deploymentId, resource.getName())) {
                byte[] bytes = in.readAllBytes();
                JsonNode id = json.readTree(bytes).get("id");
                if (id != null && formId.equals(id.asText())) {
                    deployedJson.put(key, new String(bytes, StandardCharsets.UTF_8));
                    return parser.parse(resource.getName(), new ByteArrayInputStream(bytes));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read deployed form " + resource.getName(), e);
            }
        }
        throw new IllegalArgumentException("form " + formId + " is not in deployment " + deploymentId
                + " (forms/ must be deployed with processes/)");
    }

    /** Keys of all form files found under {@code classpath*:forms/**}, sorted. */
    public List<String> allFormKeys() {
        try {
            TreeSet<String> keys = new TreeSet<>();
            List<String> roots = new ArrayList<>();
            for (Resource root : resolver.getResources("classpath*:" + folder + "/")) {
                roots.add(root.getURL().toString());
            }
            for (Resource r : resolver.getResources("classpath*:" + folder + "/**/*.form")) {
                keys.add(relativeKey(r.getURL().toString(), roots));
            }
            return List.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list form files", e);
        }
    }

    private String relativeKey(String url, List<String> roots) {
        for (String root : roots) {
            if (url.startsWith(root)) {
                return url.substring(root.length());
            }
        }
        String marker = "/" + folder + "/";
        return url.substring(url.lastIndexOf(marker) + marker.length());
    }

    private String normalize(String formKey) {
        if (formKey == null || formKey.isBlank()) {
            throw new IllegalArgumentException("form key is empty");
        }
        String key = formKey.trim();
        for (String prefix : KEY_PREFIXES) {
            if (key.startsWith(prefix)) {
                key = key.substring(prefix.length());
            }
        }
        if (key.startsWith(folder + "/")) {
            key = key.substring(folder.length() + 1);
        }
        if (key.contains("..") || key.contains("\\")) {
            throw new IllegalArgumentException("invalid form key: " + formKey);
        }
        return key;
    }

    private FormDefinition load(String key) {
        String location = folder + "/" + key;
        Resource resource = resolver.getResource("classpath:" + location);
        if (!resource.exists()) {
            throw new IllegalArgumentException("form file not found on the classpath: " + location);
        }
        try (InputStream in = resource.getInputStream()) {
            return parser.parse(location, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form file " + location, e);
        }
    }
}
