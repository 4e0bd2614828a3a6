package dev.statecraft.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Calls the constructor a value is read through (a record's canonical constructor) with a method handle that
 * spreads the argument array, built once per constructor.
 *
 * <p>Jackson 3.2 calls it with {@code MethodHandle.invokeWithArguments}, which builds that spreading adapter
 * again on every call: a quarter of the time of replaying a game's events went there (a profile of
 * {@code RecoveryTime}, BENCHMARKS.md). Only the call changes. A constructor that throws is reported the way
 * Jackson reports it: through the context's problem handlers, as the constructor's own exception when that is
 * already Jackson's, else wrapped as an instantiation problem of the value's class. Only Jackson's standard
 * instantiator is wrapped; one a module supplies is left alone.
 */
final class SpreadConstructors extends JacksonModule {
    @Override
    public String getModuleName() {
        return "statecraft-spread-constructors";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean, ValueInstantiator jackson) {
                return Spreading.around(jackson);
            }
        });
    }

    /** Jackson's instantiator, but for the call of its constructor with arguments. */
    private static final class Spreading extends ValueInstantiator.Delegating {
        private final MethodHandle constructor;

        private Spreading(ValueInstantiator jackson, MethodHandle constructor) {
            super(jackson);
            this.constructor = constructor;
        }

        /** {@code jackson} itself if it does not create its values through a constructor with arguments that a handle can call. */
        static ValueInstantiator around(ValueInstantiator jackson) {
            if (jackson.getClass() != StdValueInstantiator.class || !jackson.canCreateFromObjectWith()
                    || !(jackson.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
                return jackson;
            }
            try {
                MethodHandle handle = MethodHandles.lookup().unreflectConstructor(creator.getAnnotated()).asFixedArity()
                        .asSpreader(Object[].class, creator.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new Spreading(jackson, handle);
            } catch (IllegalAccessException | IllegalArgumentException notCallable) {
                return jackson;
            }
        }

        @Override
        public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier bean) {
            ValueInstantiator contextual = delegate().createContextual(context, bean);
            return contextual == delegate() ? this : around(contextual);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties, PropertyValueBuffer buffer) {
            return createFromObjectWith(context, buffer.getParameters(context, properties));
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (Error e) {
                throw e;
            } catch (Throwable refused) {
                DatabindException problem = refused instanceof DatabindException known ? known : context.instantiationException(getValueClass(), refused);
                return context.handleInstantiationProblem(getValueClass(), arguments, problem);
            }
        }

        // ValueInstantiator.Delegating does not pass these three on (Jackson 3.2.4).

        @Override
        public boolean canCreateFromBigInteger() {
            return delegate().canCreateFromBigInteger();
        }

        @Override
        public boolean canCreateFromBigDecimal() {
            return delegate().canCreateFromBigDecimal();
        }

        @Override
        public Object createUsingDefaultOrWithoutArguments(DeserializationContext context) {
            return delegate().createUsingDefaultOrWithoutArguments(context);
        }
    }
}
