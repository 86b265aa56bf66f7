package dev.sluice.core.collate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** The component names and accessors of one record class, looked up once per class. */
final class RecordLayout {
    private static final ClassValue<RecordLayout> LAYOUTS = new ClassValue<>() {
        @Override
        protected RecordLayout computeValue(Class<?> type) {
            return new RecordLayout(type);
        }
    };

    private final Class<?> type;
    private final String[] names;
    private final Method[] accessors;

    private RecordLayout(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        this.type = type;
        this.names = new String[components.length];
        this.accessors = new Method[components.length];
        for (int k = 0; k < components.length; k++) {
            names[k] = components[k].getName();
            accessors[k] = components[k].getAccessor();
            // A record declared package-private or nested in a test is legitimate input; its public
            // accessor is reachable once access checks are suppressed, which the class path allows.
            // Where a module forbids it, read() says so.
            accessors[k].trySetAccessible();
        }
    }

    static RecordLayout of(Class<?> recordType) {
        return LAYOUTS.get(recordType);
    }

    int size() {
        return names.length;
    }

    String name(int component) {
        return names[component];
    }

    /** Component {@code component} of {@code record}, the sample at {@code entry}. */
    Object read(Object record, int component, int entry, String path) {
        try {
            return accessors[component].invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("default_collate: cannot read component '" + names[component]
                    + "' of record " + type.getTypeName() + " at entry " + entry + ColumnStacker.where(path)
                    + ": its accessor is not accessible to sluice-core; make the record public in an exported"
                    + " package, or open its package to dev.sluice.core", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("default_collate: the accessor " + type.getSimpleName() + "."
                    + names[component] + "() threw at entry " + entry + ColumnStacker.where(path) + ": "
                    + e.getCause(), e.getCause());
        }
    }
}
