package cn.countyflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package under cn.countyflow is a module (org, workflow, forms, audit, calendar, notification, inbox, pilot, plan, review, evaluation, reporting, api, ui, monitoring).
 * verify() fails on cycles between modules and on a module using another's internals (sub-packages are internal
 * unless a package-info.java names them with @NamedInterface). The floors: doors (api, ui, inbox, monitoring) use what is below;
 * programmes (pilot, plan) use capabilities (review) and the platform; capabilities never name a programme; the platform
 * (workflow, forms, org, audit, calendar, notification) knows nothing above it.
 */
class ModularityTests {
    static final ApplicationModules MODULES = ApplicationModules.of(CountyFlowApplication.class);

    static final List<String> DOORS = List.of("api", "ui", "inbox", "monitoring");
    static final List<String> PROGRAMMES = List.of("pilot", "plan");
    static final List<String> CAPABILITIES = List.of("review", "evaluation", "reporting");
    static final List<String> PLATFORM = List.of("workflow", "forms", "org", "audit", "calendar", "notification");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void everyTopLevelPackageIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .containsExactlyInAnyOrder("org", "workflow", "forms", "audit", "calendar", "inbox", "pilot", "plan", "review", "evaluation",
                        "reporting", "api", "ui", "notification", "monitoring");
    }

    @Test
    void noFloorUsesTheFloorsAboveIt() {
        Map<List<String>, List<String>> mustNotUse = Map.of(
                PLATFORM, concat(DOORS, PROGRAMMES, CAPABILITIES),
                CAPABILITIES, concat(PROGRAMMES, List.of("api")),
                PROGRAMMES, List.of("api"));
        mustNotUse.forEach((floor, above) -> floor.forEach(name -> {
            ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();
            var dependencies = module.getDirectDependencies(MODULES);
            above.forEach(other -> assertThat(dependencies.containsModuleNamed(other))
                    .as("%s depends on %s", name, other).isFalse());
        }));
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
