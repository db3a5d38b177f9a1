package cn.countyflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context the integration tests share (in-memory H2, demo users, no job executor),
 * served on a random port so API and browser tests talk real HTTP, with MockMvc for request-level tests.
 * Every Spring test uses this one annotation: one context means one process engine named "default" in Camunda's
 * static engine registry, which the webapps and /engine-rest look engines up in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface SpringTest {
}
