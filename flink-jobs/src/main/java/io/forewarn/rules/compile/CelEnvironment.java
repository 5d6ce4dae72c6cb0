package io.forewarn.rules.compile;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import io.forewarn.rules.model.RecordKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL environment of rules: one struct type per record kind (its fields from {@link
 * RecordFields}), the standard macros, the strings and math extensions, numeric comparisons across
 * int and double, and two formatting functions for templates: {@code percent(double)} and {@code
 * fixed(double, int)}; {@code matches} compiles each regular expression once ({@link RegexCache}).
 * Compilers are cached per {@link CelScope}; the runtime is shared.
 */
public final class CelEnvironment {

    private static final CelOptions OPTIONS =
            CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    private static final Map<RecordKind, StructType> RECORD_TYPES = new EnumMap<>(RecordKind.class);

    static {
        for (RecordKind kind : RecordKind.values()) {
            RECORD_TYPES.put(kind, structOf(kind));
        }
    }

    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder()
                    .setOptions(OPTIONS)
                    // The standard functions but matches, which RegexCache replaces. With the
                    // options above (unsigned longs, timestamp epoch, heterogeneous comparisons)
                    // the standard environment filters out no other overload.
                    .setStandardEnvironmentEnabled(false)
                    .setStandardFunctions(
                            CelStandardFunctions.newBuilder()
                                    .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES)
                                    .build())
                    .addLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS))
                    .addFunctionBindings(
                            CelFunctionBinding.from(
                                    "percent_double", Double.class, CelEnvironment::percent),
                            CelFunctionBinding.from(
                                    "fixed_double_int",
                                    Double.class,
                                    Long.class,
                                    CelEnvironment::fixed),
                            CelFunctionBinding.from(
                                    "matches", String.class, String.class, RegexCache::matches),
                            CelFunctionBinding.from(
                                    "matches_string",
                                    String.class,
                                    String.class,
                                    RegexCache::matches))
                    .build();

    private static final int MAX_CACHED_COMPILERS = 1000;

    private static final Map<CelScope, CelCompiler> COMPILERS = new ConcurrentHashMap<>();

    private CelEnvironment() {}

    /** The shared runtime that turns checked expressions into programs. */
    public static CelRuntime runtime() {
        return RUNTIME;
    }

    /** A compiler for expressions in this scope. */
    public static CelCompiler compiler(CelScope scope) {
        if (COMPILERS.size() > MAX_CACHED_COMPILERS) {
            COMPILERS.clear();
        }
        return COMPILERS.computeIfAbsent(scope, CelEnvironment::newCompiler);
    }

    /** CEL name of the struct type of a record kind, e.g. {@code forewarn.Metric}. */
    public static String typeName(RecordKind kind) {
        return "forewarn."
                + kind.yamlName().substring(0, 1).toUpperCase(Locale.ROOT)
                + kind.yamlName().substring(1);
    }

    private static CelCompiler newCompiler(CelScope scope) {
        Map<String, CelType> stepFields = new LinkedHashMap<>();
        scope.steps()
                .forEach(
                        (name, kind) ->
                                stepFields.put(name, ListType.create(RECORD_TYPES.get(kind))));
        StructType steps =
                StructType.create(
                        "forewarn.Steps",
                        ImmutableSet.copyOf(stepFields.keySet()),
                        f -> Optional.ofNullable(stepFields.get(f)));
        ImmutableList<CelType> types =
                ImmutableList.<CelType>builder().addAll(RECORD_TYPES.values()).add(steps).build();
        CelCompilerBuilder builder =
                CelCompilerFactory.standardCelCompilerBuilder()
                        .setOptions(OPTIONS)
                        .setTypeProvider(new Types(types))
                        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                        .addLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS))
                        .addFunctionDeclarations(
                                CelFunctionDecl.newFunctionDeclaration(
                                        "percent",
                                        CelOverloadDecl.newGlobalOverload(
                                                "percent_double",
                                                SimpleType.STRING,
                                                SimpleType.DOUBLE)),
                                CelFunctionDecl.newFunctionDeclaration(
                                        "fixed",
                                        CelOverloadDecl.newGlobalOverload(
                                                "fixed_double_int",
                                                SimpleType.STRING,
                                                SimpleType.DOUBLE,
                                                SimpleType.INT)))
                        .addVar("steps", steps)
                        .addVar("key", SimpleType.STRING);
        if (scope.current() != null) {
            for (RecordFields.Field f : RecordFields.of(scope.current()).values()) {
                builder.addVar(f.name(), celType(f.type()));
            }
        }
        if (scope.result() == CelScope.Result.BOOL) {
            builder.setResultType(SimpleType.BOOL);
        } else if (scope.result() == CelScope.Result.DOUBLE) {
            builder.setResultType(SimpleType.DOUBLE);
        }
        return builder.build();
    }

    private static StructType structOf(RecordKind kind) {
        Map<String, RecordFields.Field> fields = RecordFields.of(kind);
        return StructType.create(
                typeName(kind),
                ImmutableSet.copyOf(fields.keySet()),
                f -> Optional.ofNullable(fields.get(f)).map(field -> celType(field.type())));
    }

    static CelType celType(RecordFields.Type type) {
        switch (type) {
            case INT:
                return SimpleType.INT;
            case DOUBLE:
                return SimpleType.DOUBLE;
            case STRING_MAP:
                return MapType.create(SimpleType.STRING, SimpleType.STRING);
            case STRING_LIST:
                return ListType.create(SimpleType.STRING);
            default:
                return SimpleType.STRING;
        }
    }

    static String percent(double value) {
        return fixed(value * 100, 1) + "%";
    }

    static String fixed(double value, long digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%." + Math.max(0, Math.min(9, digits)) + "f", value);
    }

    /** Resolves the rules' struct types for the type checker. */
    private static final class Types implements CelTypeProvider {
        private final ImmutableList<CelType> types;

        Types(List<CelType> types) {
            this.types = ImmutableList.copyOf(types);
        }

        @Override
        public ImmutableCollection<CelType> types() {
            return types;
        }

        @Override
        public Optional<CelType> findType(String typeName) {
            return types.stream().filter(t -> t.name().equals(typeName)).findFirst();
        }
    }
}
