package io.parley.signaling.session;

import java.util.AbstractQueue;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * A queue that refuses elements once the weight it holds would pass its capacity, and
 * takes memory only for what it holds. Weighing by size rather than counting elements
 * keeps a few large messages (a 64 KB offer each) from filling as much memory as hundreds
 * of small ones. An {@link java.util.concurrent.ArrayBlockingQueue} would also allocate
 * all its slots up front, about a kilobyte per socket for a buffer that is empty almost
 * all the time.
 */
final class BoundedQueue<E> extends AbstractQueue<E> {

    private final ConcurrentLinkedQueue<E> elements = new ConcurrentLinkedQueue<>();

    private final AtomicLong weight = new AtomicLong();

    private final long capacity;

    private final ToIntFunction<E> weigher;

    BoundedQueue(long capacity, ToIntFunction<E> weigher) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.weigher = weigher;
    }

    @Override
    public boolean offer(E element) {
        int elementWeight = Math.max(1, weigher.applyAsInt(element));
        if (weight.addAndGet(elementWeight) > capacity) {
            weight.addAndGet(-elementWeight);
            return false;
        }
        elements.offer(element);
        return true;
    }

    @Override
    public E poll() {
        E element = elements.poll();
        if (element != null) {
            weight.addAndGet(-Math.max(1, weigher.applyAsInt(element)));
        }
        return element;
    }

    @Override
    public E peek() {
        return elements.peek();
    }

    @Override
    public int size() {
        return elements.size();
    }

    long weight() {
        return weight.get();
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableCollection(elements).iterator();
    }

}
