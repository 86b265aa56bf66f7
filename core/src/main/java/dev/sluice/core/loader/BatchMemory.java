package dev.sluice.core.loader;

import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;

/** Finds the tensors in a batch (inside maps, lists, arrays, optionals and records) and gives their memory back. */
final class BatchMemory {
    private BatchMemory() {
    }

    static void release(Object batch, TensorAllocator allocator) {
        if (batch instanceof Tensor tensor) {
            tensor.releaseTo(allocator);
        } else if (batch instanceof Optional<?> optional) {
            optional.ifPresent(value -> release(value, allocator));
        } else if (batch instanceof Map<?, ?> map) {
            for (Object value : map.values()) {
                release(value, allocator);
            }
        } else if (batch instanceof Iterable<?> iterable) {
            for (Object element : iterable) {
                release(element, allocator);
            }
        } else if (batch instanceof Object[] array) {
            for (Object element : array) {
                release(element, allocator);
            }
        } else if (batch != null && batch.getClass().isRecord()) {
            for (RecordComponent component : batch.getClass().getRecordComponents()) {
                release(componentValue(batch, component), allocator);
            }
        }
    }

    private static Object componentValue(Object record, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            // A record the caller declared non-public can still be read when its module allows it.
            accessor.trySetAccessible();
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("cannot release the tensors of a " + record.getClass().getName()
                    + " batch: its component '" + component.getName() + "' is not readable (" + e + "); make the record "
                    + "public or release its tensors with Tensor.releaseTo", e);
        }
    }
}
