package io.parley.signaling.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BoundedQueueTests {

    @Test
    void refusesElementsBeyondItsCapacity() {
        BoundedQueue<String> queue = new BoundedQueue<>(2);

        assertThat(queue.offer("a")).isTrue();
        assertThat(queue.offer("b")).isTrue();
        assertThat(queue.offer("c")).isFalse();
        assertThat(queue).containsExactly("a", "b");
    }

    @Test
    void takesElementsAgainOnceSomeWereTaken() {
        BoundedQueue<String> queue = new BoundedQueue<>(1);
        queue.offer("a");

        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.poll()).isNull();
        assertThat(queue.offer("b")).isTrue();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.peek()).isEqualTo("b");
    }

    @Test
    void clearingFreesEveryPlace() {
        BoundedQueue<String> queue = new BoundedQueue<>(3);
        queue.offer("a");
        queue.offer("b");

        queue.clear();

        assertThat(queue).isEmpty();
        assertThat(queue.offer("c")).isTrue();
        assertThat(queue.offer("d")).isTrue();
        assertThat(queue.offer("e")).isTrue();
        assertThat(queue.offer("f")).isFalse();
    }

    @Test
    void needsAPositiveCapacity() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedQueue<>(0));
    }
}
