package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    @Test
    void demoPasswordsAreLongEnoughAndDrawnAfreshEachTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String password = DemoData.password();
            assertThat(password).hasSize(20).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(password)).isTrue();
        }
    }
}
