package io.roxxane.provisioner.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory "current state" for engine tests: what exists, with which tag, and every mutating call made. */
final class FakeCloud {
    final Map<String, Observation<FakeSpec>> state = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Set<String> failing = Collections.synchronizedSet(new HashSet<>());

    /** The spec of a fake resource. */
    record FakeSpec(String setting, int size) {
    }

    void exists(String key, FakeSpec spec, String tag) {
        state.put(key, new Observation<>(Optional.of(spec), Optional.ofNullable(tag)));
    }

    FakeResource resource(String key, FakeSpec desired, String... dependsOn) {
        return new FakeResource(this, key, desired, List.of(dependsOn), Set.of());
    }

    /** A resource that carries this stack's tag when created. */
    static final class FakeResource implements Resource<FakeSpec> {
        private final FakeCloud cloud;
        private final String key;
        private final FakeSpec desired;
        private final List<String> dependsOn;
        private final Set<String> replaced;

        FakeResource(FakeCloud cloud, String key, FakeSpec desired, List<String> dependsOn, Set<String> replaced) {
            this.cloud = cloud;
            this.key = key;
            this.desired = desired;
            this.dependsOn = dependsOn;
            this.replaced = replaced;
        }

        FakeResource replacedOnChangeOf(String field) {
            return new FakeResource(cloud, key, desired, dependsOn, Set.of(field));
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String type() {
            return "Fake";
        }

        @Override
        public String name() {
            return key;
        }

        @Override
        public String arn() {
            return "arn:fake:" + key;
        }

        @Override
        public List<String> dependsOn() {
            return dependsOn;
        }

        @Override
        public FakeSpec desired() {
            return desired;
        }

        @Override
        public Observation<FakeSpec> read() {
            return cloud.state.getOrDefault(key, Observation.absent());
        }

        @Override
        public void create() {
            call("create");
            cloud.exists(key, desired, "test-stack");
        }

        @Override
        public void update(FakeSpec current, List<Difference> differences) {
            call("update");
            cloud.exists(key, desired, "test-stack");
        }

        @Override
        public DeleteResult delete(boolean deleteData) {
            call("delete");
            if (key.equals("bucket") && !deleteData) {
                return DeleteResult.kept("holds data");
            }
            cloud.state.remove(key);
            return DeleteResult.deleted();
        }

        @Override
        public Set<String> replacedOnChange() {
            return replaced;
        }

        private void call(String verb) {
            cloud.calls.add(verb + " " + key);
            if (cloud.failing.contains(key)) {
                throw new IllegalStateException("injected failure of " + key);
            }
        }
    }
}
