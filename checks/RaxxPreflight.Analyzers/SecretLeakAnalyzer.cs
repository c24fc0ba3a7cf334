using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaxxPreflight.Analyzers;

/// <summary>
/// RXP0004: a secret never reaches text. A <c>SecretValue</c> (or what its <c>Reveal()</c> returns) may not be
/// interpolated, concatenated, turned into a string, or handed to a logger, the console, test output, an
/// exception's message or an assertion's custom message. Only its <c>Masked</c> form may.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLeakAnalyzer : DiagnosticAnalyzer
{
    private const string SecretType = "RaxxPreflight.Secrets.SecretValue";

    private static readonly ImmutableArray<string> SinkTypes = ImmutableArray.Create(
        "System.Console",
        "System.IO.TextWriter",
        "System.Text.StringBuilder",
        "System.Diagnostics.Debug",
        "System.Diagnostics.Trace",
        "Xunit.ITestOutputHelper",
        "Xunit.ITestContext",
        "Xunit.TestContext",
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.LoggerExtensions",
        "System.Text.Json.JsonSerializer",
        "Xunit.Assert"
    );

    // Every method of these namespaces prints what it is given when it fails: an assertion's actual value included.
    private static readonly ImmutableArray<string> SinkNamespaces = ImmutableArray.Create("Shouldly");

    // Methods outside the layer that may reveal which take a secret to use it, not to show it: the service it is
    // for, and parsers and comparisons that make no text of it. Any other method outside the layer that takes text
    // is a sink: what a library does with a string it is given (a log, an exception, a URL) cannot be followed.
    private static readonly ImmutableArray<string> Consumers = ImmutableArray.Create(
        "Flurl.Http.GeneratedExtensions.WithOAuthBearerToken",
        "Flurl.Http.GeneratedExtensions.WithBasicAuth",
        "Flurl.Http.HeaderExtensions.WithOAuthBearerToken",
        "Flurl.Http.HeaderExtensions.WithBasicAuth",
        "Flurl.Http.SettingsExtensions.WithOAuthBearerToken",
        "Flurl.Http.SettingsExtensions.WithBasicAuth",
        "Octokit.Credentials..ctor",
        "System.ArgumentNullException.ThrowIfNull",
        "System.ArgumentException.ThrowIfNullOrEmpty",
        "System.ArgumentException.ThrowIfNullOrWhiteSpace",
        "System.Net.Http.Headers.AuthenticationHeaderValue..ctor",
        "System.Uri.TryCreate",
        "System.Uri..ctor",
        "System.Uri.UnescapeDataString",
        "System.Text.RegularExpressions.Regex.IsMatch",
        "System.Text.RegularExpressions.Regex.Match",
        "System.Text.RegularExpressions.Regex.EnumerateMatches",
        "System.Text.Encoding.GetBytes",
        "System.Text.Encoding.GetByteCount",
        "System.Security.Cryptography.CryptographicOperations.FixedTimeEquals",
        "System.MemoryExtensions.SequenceEqual",
        "System.MemoryExtensions.StartsWith",
        "System.MemoryExtensions.EndsWith",
        "System.MemoryExtensions.Contains",
        "System.MemoryExtensions.IndexOf",
        "System.MemoryExtensions.IndexOfAny",
        "System.MemoryExtensions.ContainsAny",
        "System.MemoryExtensions.ContainsAnyExcept",
        "System.MemoryExtensions.IndexOfAnyExcept",
        "System.MemoryExtensions.Equals",
        "System.StringComparer.Equals",
        "System.StringComparer.Compare",
        "System.StringComparer.GetHashCode",
        "System.Char.IsAsciiHexDigit",
        "System.Int32.TryParse",
        "System.Int64.TryParse",
        "System.Linq.Enumerable.All",
        "System.Linq.Enumerable.Any",
        "System.Linq.Enumerable.Count"
    );

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NoSecretInText);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new System.ArgumentNullException(nameof(context));
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var secret = start.Compilation.GetTypeByMetadataName(SecretType);
            if (secret is null)
            {
                return;
            }

            // Where a value reaches text is seen as the code is walked; whether that value is a secret is decided
            // at the end, when every assignment, argument and return of the compilation is known.
            var flow = ValueFlow.Gather(start);
            var candidates = new ConcurrentQueue<Candidate>();
            void Sink(IOperation value, string problem) => candidates.Enqueue(new Candidate(value, problem));

            start.RegisterOperationAction(
                c => Sink(((IInterpolationOperation)c.Operation).Expression, "is interpolated into a string"),
                OperationKind.Interpolation
            );
            start.RegisterOperationAction(c => AnalyzeHandlerHole(c, Sink), OperationKind.InterpolatedStringAppendFormatted);
            start.RegisterOperationAction(c => AnalyzeBinary(c, Sink), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, Sink), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, Sink), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeCompound(c, Sink), OperationKind.CompoundAssignment);
            start.RegisterCompilationEndAction(end =>
            {
                var judge = new Judge(secret, flow);
                var reported = new HashSet<Location>();
                foreach (var candidate in candidates)
                {
                    if (judge.IsSecret(candidate.Value) && reported.Add(candidate.Value.Syntax.GetLocation()))
                    {
                        end.ReportDiagnostic(
                            Diagnostic.Create(Descriptors.NoSecretInText, candidate.Value.Syntax.GetLocation(), candidate.Problem)
                        );
                    }
                }
            });
        });
    }

    private sealed class Candidate(IOperation value, string problem)
    {
        public IOperation Value { get; } = value;

        public string Problem { get; } = problem;
    }

    // $"..." given to an interpolated string handler (StringBuilder.Append, string.Create, AppendLine(provider, ...)):
    // each hole is an AppendFormatted call, not an interpolation.
    private static void AnalyzeHandlerHole(OperationAnalysisContext context, System.Action<IOperation, string> sink)
    {
        if (
            context.Operation is IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append }
            && append.Arguments.Length > 0
        )
        {
            sink(append.Arguments[0].Value, "is interpolated into a string");
        }
    }

    private static void AnalyzeBinary(OperationAnalysisContext context, System.Action<IOperation, string> sink)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        sink(binary.LeftOperand, "is concatenated into a string");
        sink(binary.RightOperand, "is concatenated into a string");
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, System.Action<IOperation, string> sink)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Instance is { } instance)
        {
            sink(instance, "is turned into a string with ToString()");
            return;
        }

        var typeName = method.ContainingType is { } type ? FullName(type) : string.Empty;
        var sinkType =
            SinkTypes.Contains(typeName) || SinkNamespaces.Any(n => typeName.StartsWith(n + ".", System.StringComparison.Ordinal));
        var outside = !InLayer(method, context.Compilation) && !Consumers.Contains(MethodName(method));
        foreach (var argument in invocation.Arguments)
        {
            // A params array's (or span's) elements are arguments too: string.Join(", ", a, raw).
            var values = argument.Value switch
            {
                IArrayCreationOperation { Initializer: { } elements } => elements.ElementValues,
                ICollectionExpressionOperation collection => collection.Elements,
                _ => [argument.Value],
            };
            var problem = $"is passed to {method.ContainingType?.Name}.{method.Name}";
            var textParameter = outside && TakesText(argument.Parameter) && method.ContainingType?.SpecialType != SpecialType.System_String;
            foreach (var value in values)
            {
                if (sinkType || argument.Parameter?.Name is "customMessage" or "message" || BuildsText(method, argument))
                {
                    sink(value, problem);
                }
                else if (textParameter)
                {
                    sink(value, problem + ", outside the code that may hold the raw value (what it does with text cannot be followed)");
                }
            }
        }
    }

    // A parameter that takes text as such: string, a span or memory of chars, object. A generic collection's T is a
    // container, not text (List<string>.Add keeps the value; where it is read back, it is a string again).
    private static bool TakesText(IParameterSymbol? parameter)
    {
        if (parameter is null || parameter.OriginalDefinition.Type is ITypeParameterSymbol)
        {
            return false;
        }

        return parameter.Type switch
        {
            { SpecialType: SpecialType.System_String or SpecialType.System_Object } => true,
            INamedTypeSymbol named when IsCharSpan(named) => true,
            IArrayTypeSymbol
            {
                ElementType.SpecialType: SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Object
            } => true,
            _ => false,
        };
    }

    // The layer that may reveal: this compilation's own code under RaxxPreflight (Core). Its methods are followed
    // (their parameters carry what they are given); everything else is outside.
    private static bool InLayer(IMethodSymbol method, Compilation compilation) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
        && method.Locations.Any(l => l.IsInSource)
        && !(
            method.ContainingNamespace?.ToDisplayString() is { } space
            && ExternalNamespaces.Any(n => space == n || space.StartsWith(n + ".", System.StringComparison.Ordinal))
        );

    // Namespaces that are libraries even when their source is in the compilation (the analyzers' own tests compile
    // stubs of them).
    private static readonly ImmutableArray<string> ExternalNamespaces = ImmutableArray.Create(
        "System",
        "Microsoft",
        "Xunit",
        "Shouldly",
        "Flurl",
        "Octokit",
        "Npgsql"
    );

    private static string MethodName(IMethodSymbol method) =>
        method.ContainingType is { } type ? $"{FullName(type)}.{method.Name}" : method.Name;

    // String's own methods that put an argument into the text they build (not those that only look for it, as the
    // redactor's Replace(secret, mask) does: the secret is what it removes).
    private static bool BuildsText(IMethodSymbol method, IArgumentOperation argument) =>
        method.ContainingType?.SpecialType == SpecialType.System_String
        && (
            method.Name is "Concat" or "Join" or "Format" or "Insert" or "Create" or "PadLeft" or "PadRight"
            || (method.Name == "Replace" && argument.Parameter?.Ordinal == 1)
        );

    // text += secret: string building by assignment.
    private static void AnalyzeCompound(OperationAnalysisContext context, System.Action<IOperation, string> sink)
    {
        var compound = (ICompoundAssignmentOperation)context.Operation;
        if (compound.OperatorKind == BinaryOperatorKind.Add && compound.Type?.SpecialType == SpecialType.System_String)
        {
            sink(compound.Value, "is appended to a string with +=");
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, System.Action<IOperation, string> sink)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (IsException(creation.Type as INamedTypeSymbol))
        {
            foreach (var argument in creation.Arguments)
            {
                sink(argument.Value, $"is put into the message of a {creation.Type!.Name}");
            }

            return;
        }

        // A constructor outside the layer that takes text: the same as a method's string parameter.
        if (
            creation.Constructor is { } constructor
            && !InLayer(constructor, context.Compilation)
            && !Consumers.Contains(MethodName(constructor))
        )
        {
            foreach (var argument in creation.Arguments.Where(a => TakesText(a.Parameter)))
            {
                sink(argument.Value, $"is passed to new {creation.Type?.Name}, outside the code that may hold the raw value");
            }
        }
    }

    /// <summary>
    /// Whether a value is a secret: a SecretValue, or text derived from what its Reveal() returns, through
    /// conversions, <c>?.</c>, <c>??</c>, <c>?:</c>, string methods called on it (Trim, Substring, Split, ranges...),
    /// locals, fields and properties assigned from any of these anywhere in the compilation,
    /// parameters of this compilation's methods given one at any call site, methods that return one, and records
    /// made with one (a record's ToString prints its members). Text built with a secret (an interpolation, a
    /// concatenation, +=) is not followed further: it is reported where it is built, once.
    /// </summary>
    private sealed class Judge(INamedTypeSymbol secret, ValueFlow flow)
    {
        private readonly Dictionary<ISymbol, bool> symbols = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> open = new(SymbolEqualityComparer.Default);
        private int cycles;

        public bool IsSecret(IOperation? value) => IsSecret(value, 0);

        private bool IsSecret(IOperation? value, int depth)
        {
            if (value is null || depth > 24)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(value.Type, secret))
            {
                return true;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return IsSecret(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return IsSecret(parenthesized.Operand, depth + 1);
                case IConditionalAccessOperation access:
                    return IsSecret(access.WhenNotNull, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsSecret(coalesce.Value, depth + 1) || IsSecret(coalesce.WhenNull, depth + 1);
                case IConditionalOperation conditional:
                    return IsSecret(conditional.WhenTrue, depth + 1) || IsSecret(conditional.WhenFalse, depth + 1);
                case ICoalesceAssignmentOperation coalesceAssignment:
                    return IsSecret(coalesceAssignment.Target, depth + 1) || IsSecret(coalesceAssignment.Value, depth + 1);
                case IArrayElementReferenceOperation element:
                    return IsText(element.Type) && IsSecret(element.ArrayReference, depth + 1);
                case IInvocationOperation { TargetMethod.Name: "Reveal" } reveal
                    when SymbolEqualityComparer.Default.Equals(reveal.TargetMethod.ContainingType, secret):
                    return true;
                case IInvocationOperation invocation:
                    return Invocation(invocation, depth);
                case IImplicitIndexerReferenceOperation slice when IsText(slice.Type):
                    return IsSecret(slice.Instance, depth + 1);
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol { IsRecord: true }:
                    return creation.Arguments.Any(a => IsSecret(a.Value, depth + 1))
                        || (
                            creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Any(a => IsSecret(a.Value, depth + 1))
                            ?? false
                        );
                case IAnonymousObjectCreationOperation anonymous:
                    // new { Key = raw }: its ToString prints every member, as a serializer does.
                    return anonymous.Initializers.OfType<ISimpleAssignmentOperation>().Any(a => IsSecret(a.Value, depth + 1));
                case ILocalReferenceOperation local:
                    return Symbol(local.Local, depth);
                case IParameterReferenceOperation parameter:
                    return Symbol(parameter.Parameter, depth);
                case IFieldReferenceOperation field:
                    return Symbol(field.Field, depth);
                case IPropertyReferenceOperation property:
                    // What is assigned to it, or what its getter returns (string Raw => key.Reveal();).
                    return Symbol(property.Property, depth)
                        || (property.Property.GetMethod is { } getter && getter.Locations.Any(l => l.IsInSource) && Symbol(getter, depth));
                default:
                    return false;
            }
        }

        private bool Invocation(IInvocationOperation invocation, int depth)
        {
            // A piece of a secret is the secret: raw.Trim(), raw.Substring(2), raw.ToUpperInvariant(), raw.Split('_').
            // (Text built with it, a concatenation or an interpolation, is reported where it is built, once.)
            if (IsText(invocation.Type) && invocation.Instance is { } instance && IsText(instance.Type) && IsSecret(instance, depth + 1))
            {
                return true;
            }

            // A method of this compilation that returns what it was given: its returns are followed.
            var method = invocation.TargetMethod.OriginalDefinition;
            return method.Locations.Any(l => l.IsInSource)
                && (IsText(invocation.Type) || invocation.Type is INamedTypeSymbol { IsRecord: true })
                && Symbol(method, depth);
        }

        // A symbol is a secret when any value put into it is; a cycle (a field assigned from itself) adds nothing.
        private bool Symbol(ISymbol symbol, int depth)
        {
            symbol = symbol.OriginalDefinition;
            if (symbols.TryGetValue(symbol, out var known))
            {
                return known;
            }

            // A symbol met again while it is being judged (a field assigned from itself, a recursive helper) adds
            // nothing; a "no" reached through such a cycle is not remembered, as the cycle's other values may still
            // say yes.
            if (!open.Add(symbol))
            {
                cycles++;
                return false;
            }

            var before = cycles;
            var found = flow.Into(symbol).ToList().Any(v => IsSecret(v, depth + 1));
            open.Remove(symbol);
            if (found || cycles == before)
            {
                symbols[symbol] = found;
            }

            return found;
        }

        private static bool IsText(ITypeSymbol? type) =>
            type
                is { SpecialType: SpecialType.System_String }
                    or IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String or SpecialType.System_Char }
            || (type is INamedTypeSymbol named && IsCharSpan(named));
    }

    // ReadOnlySpan<char>, Span<char>, ReadOnlyMemory<char>, Memory<char>: text by another name.
    private static bool IsCharSpan(INamedTypeSymbol type) =>
        type.Name is "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory"
        && type.TypeArguments.Length == 1
        && type.TypeArguments[0].SpecialType == SpecialType.System_Char;

    private static string FullName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } space
            ? $"{space.ToDisplayString()}.{type.MetadataName}"
            : type.MetadataName;

    private static bool IsException(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == "System.Exception")
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(OperationAnalysisContext context, IOperation operation, string problem) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoSecretInText, operation.Syntax.GetLocation(), problem));
}
