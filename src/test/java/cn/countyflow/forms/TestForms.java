package cn.countyflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

final class TestForms {
    private TestForms() {
    }

    static FormDefinition load(String name) {
        String location = "forms-test/" + name;
        try (InputStream in = TestForms.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) throw new IllegalArgumentException(location);
            return new FormParser().parse(location, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
