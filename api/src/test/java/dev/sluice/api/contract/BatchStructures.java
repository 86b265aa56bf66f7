package dev.sluice.api.contract;

import dev.sluice.api.Tensor;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Walks samples and batches of any shape: the tensors inside, and equality that looks into arrays. */
final class BatchStructures {

    private BatchStructures() {
    }

    /** Adds every tensor inside {@code value} to {@code found}, depth first, in encounter order. */
    static void collectTensors(Object value, List<Tensor> found) {
        if (value instanceof Tensor tensor) {
            found.add(tensor);
        } else if (value instanceof Map<?, ?> map) {
            for (Object element : map.values()) {
                collectTensors(element, found);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                collectTensors(element, found);
            }
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                collectTensors(element, found);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collectTensors(read(component, value), found);
            }
        }
    }

    /**
     * Equality that compares arrays by content, lists element by element, maps key by key and records
     * component by component, recursively; anything else by {@code equals}.
     */
    static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.getClass().isArray()) {
            return b.getClass() == a.getClass() && arraysEqual(a, b);
        }
        if (a instanceof List<?> left && b instanceof List<?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            Iterator<?> other = right.iterator();
            for (Object element : left) {
                if (!deepEquals(element, other.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
            if (!left.keySet().equals(right.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : left.entrySet()) {
                if (!deepEquals(entry.getValue(), right.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                if (!deepEquals(read(component, a), read(component, b))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean arraysEqual(Object a, Object b) {
        if (a.getClass().getComponentType().isPrimitive()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        int length = Array.getLength(a);
        if (length != Array.getLength(b)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!deepEquals(Array.get(a, i), Array.get(b, i))) {
                return false;
            }
        }
        return true;
    }

    private static Object read(RecordComponent component, Object record) {
        Method accessor = component.getAccessor();
        accessor.trySetAccessible();
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getTypeName() + "."
                    + component.getName() + "(); make the record accessible to the contract", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(record.getClass().getTypeName() + "." + component.getName()
                    + "() threw", e.getCause());
        }
    }
}
