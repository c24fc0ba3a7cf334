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

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NoSecretInText);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new System.ArgumentNullException(nameof(context));
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var secret = start.Compilation.GetTypeByMetadataName(SecretType);
            if (secret is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInterpolation(c, secret), OperationKind.Interpolation);
            start.RegisterOperationAction(c => AnalyzeBinary(c, secret), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, secret), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, secret), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeCompound(c, secret), OperationKind.CompoundAssignment);
        });
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context, INamedTypeSymbol secret)
    {
        var hole = ((IInterpolationOperation)context.Operation).Expression;
        if (IsSecret(hole, secret))
        {
            Report(context, hole, "is interpolated into a string");
        }
    }

    private static void AnalyzeBinary(OperationAnalysisContext context, INamedTypeSymbol secret)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand }.Where(o => IsSecret(o, secret)))
        {
            Report(context, operand, "is concatenated into a string");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol secret)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Instance is { } instance && IsSecret(instance, secret))
        {
            Report(context, instance, "is turned into a string with ToString()");
            return;
        }

        var sink =
            method.ContainingType is { } type
            && (
                SinkTypes.Contains(FullName(type))
                || SinkNamespaces.Any(n => FullName(type).StartsWith(n + ".", System.StringComparison.Ordinal))
            );
        foreach (var argument in invocation.Arguments)
        {
            // A params array's (or span's) elements are arguments too: string.Join(", ", a, raw).
            var values = argument.Value switch
            {
                IArrayCreationOperation { Initializer: { } elements } => elements.ElementValues,
                ICollectionExpressionOperation collection => collection.Elements,
                _ => [argument.Value],
            };
            foreach (var value in values.Where(v => IsSecret(v, secret)))
            {
                if (sink || argument.Parameter?.Name is "customMessage" or "message" || BuildsText(method, argument))
                {
                    Report(context, value, $"is passed to {method.ContainingType?.Name}.{method.Name}");
                }
            }
        }
    }

    // String's own methods that put an argument into the text they build (not those that only look for it, as the
    // redactor's Replace(secret, mask) does: the secret is what it removes).
    private static bool BuildsText(IMethodSymbol method, IArgumentOperation argument) =>
        method.ContainingType?.SpecialType == SpecialType.System_String
        && (
            method.Name is "Concat" or "Join" or "Format" or "Insert" or "Create" or "PadLeft" or "PadRight"
            || (method.Name == "Replace" && argument.Parameter?.Ordinal == 1)
        );

    // text += secret: string building by assignment.
    private static void AnalyzeCompound(OperationAnalysisContext context, INamedTypeSymbol secret)
    {
        var compound = (ICompoundAssignmentOperation)context.Operation;
        if (
            compound.OperatorKind == BinaryOperatorKind.Add
            && compound.Type?.SpecialType == SpecialType.System_String
            && IsSecret(compound.Value, secret)
        )
        {
            Report(context, compound.Value, "is appended to a string with +=");
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol secret)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!IsException(creation.Type as INamedTypeSymbol))
        {
            return;
        }

        foreach (var argument in creation.Arguments.Where(a => IsSecret(a.Value, secret)))
        {
            Report(context, argument.Value, $"is put into the message of a {creation.Type!.Name}");
        }
    }

    /// <summary>
    /// A SecretValue, or text derived from what its Reveal() returns: through conversions, <c>?.</c>, <c>??</c>,
    /// <c>?:</c>, string methods called on it (Trim, Substring, ranges...), and locals assigned from any of these in
    /// the same method.
    /// </summary>
    private static bool IsSecret(IOperation? value, INamedTypeSymbol secret) => IsSecret(value, secret, depth: 0);

    private static bool IsSecret(IOperation? value, INamedTypeSymbol secret, int depth)
    {
        if (value is null || depth > 8)
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
                return IsSecret(conversion.Operand, secret, depth + 1);
            case IParenthesizedOperation parenthesized:
                return IsSecret(parenthesized.Operand, secret, depth + 1);
            case IConditionalAccessOperation access:
                return IsSecret(access.WhenNotNull, secret, depth + 1);
            case ICoalesceOperation coalesce:
                return IsSecret(coalesce.Value, secret, depth + 1) || IsSecret(coalesce.WhenNull, secret, depth + 1);
            case IConditionalOperation conditional:
                return IsSecret(conditional.WhenTrue, secret, depth + 1) || IsSecret(conditional.WhenFalse, secret, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "Reveal" } reveal
                when SymbolEqualityComparer.Default.Equals(reveal.TargetMethod.ContainingType, secret):
                return true;
            case IInvocationOperation invocation
                when invocation.Type?.SpecialType == SpecialType.System_String
                    || invocation.Type
                        is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String or SpecialType.System_Char }:
                // A piece of a secret is the secret: raw.Trim(), raw.Substring(2), raw[..4], raw.ToUpperInvariant().
                // (Text built with it, a concatenation or an interpolation, is reported where it is built, once.)
                return invocation.Instance?.Type?.SpecialType == SpecialType.System_String
                    && IsSecret(invocation.Instance, secret, depth + 1);
            case IImplicitIndexerReferenceOperation slice when slice.Type?.SpecialType == SpecialType.System_String:
                return IsSecret(slice.Instance, secret, depth + 1);
            case ILocalReferenceOperation local:
                return LocalValues.AssignedTo(value, local.Local).Any(v => IsSecret(v, secret, depth + 1));
            default:
                return false;
        }
    }

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
