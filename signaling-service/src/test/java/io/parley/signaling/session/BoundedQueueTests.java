package io.parley.signaling.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BoundedQueueTests {

    @Test
    void refusesElementsBeyondItsCapacity() {
        BoundedQueue<String> queue = new BoundedQueue<>(2, element -> 1);

        assertThat(queue.offer("a")).isTrue();
        assertThat(queue.offer("b")).isTrue();
        assertThat(queue.offer("c")).isFalse();
        assertThat(queue).containsExactly("a", "b");
    }

    @Test
    void takesElementsAgainOnceSomeWereTaken() {
        BoundedQueue<String> queue = new BoundedQueue<String>(1, element -> 1);
        queue.offer("a");

        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.poll()).isNull();
        assertThat(queue.offer("b")).isTrue();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.peek()).isEqualTo("b");
    }

    @Test
    void clearingFreesEveryPlace() {
        BoundedQueue<String> queue = new BoundedQueue<>(3, element -> 1);
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
    void weighsElementsSoItHoldsAsMuchAsItsCapacityAllows() {
        BoundedQueue<String> queue = new BoundedQueue<>(5, String::length);

        assertThat(queue.offer("abc")).isTrue();
        assertThat(queue.offer("def")).isFalse();
        assertThat(queue.offer("gh")).isTrue();
        assertThat(queue.weight()).isEqualTo(5);
        queue.poll();
        assertThat(queue.weight()).isEqualTo(2);
        assertThat(queue.offer("def")).isTrue();
    }

    @Test
    void needsAPositiveCapacity() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedQueue<String>(0, element -> 1));
    }

}
