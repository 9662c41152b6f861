package io.parley.signaling.session;

import java.util.AbstractQueue;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue that refuses elements beyond its capacity and takes memory only for what it holds. An
 * {@link java.util.concurrent.ArrayBlockingQueue} of the same capacity allocates all its slots up front, about a
 * kilobyte per socket for a buffer that is empty almost all the time.
 */
final class BoundedQueue<E> extends AbstractQueue<E> {

    private final ConcurrentLinkedQueue<E> elements = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    BoundedQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public boolean offer(E element) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        elements.offer(element);
        return true;
    }

    @Override
    public E poll() {
        E element = elements.poll();
        if (element != null) {
            size.decrementAndGet();
        }
        return element;
    }

    @Override
    public E peek() {
        return elements.peek();
    }

    @Override
    public int size() {
        return size.get();
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableCollection(elements).iterator();
    }
}
