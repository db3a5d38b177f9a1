package cn.countyflow.forms;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The form files on the classpath under {@code forms/}, parsed once and cached.
 * A form key is the path below that folder, e.g. {@code pilot/city-screening.form}; Camunda's
 * {@code camunda-forms:deployment:} / {@code camunda-forms:app:} prefixes and a leading {@code forms/} are accepted.
 */
@Service
public class FormRegistry {

    private static final String[] KEY_PREFIXES = {"camunda-forms:deployment:", "camunda-forms:app:", "/"};

    private final ResourcePatternResolver resolver;
    private final String folder;
    private final FormParser parser = new FormParser();
    private final Map<String, FormDefinition> cache = new ConcurrentHashMap<>();

    @Autowired
    public FormRegistry() {
        this(new PathMatchingResourcePatternResolver(), "forms");
    }

    /** For tests: forms from another classpath folder. */
    public FormRegistry(ResourcePatternResolver resolver, String folder) {
        this.resolver = resolver;
        this.folder = folder;
    }

    /**
     * @throws IllegalArgumentException when there is no such form file
     * @throws FormSchemaException      when the file uses something the renderer does not support
     */
    public FormDefinition get(String formKey) {
        String key = normalize(formKey);
        return cache.computeIfAbsent(key, this::load);
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
