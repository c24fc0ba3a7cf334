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
        "System.String",
        "System.Diagnostics.Debug",
        "System.Diagnostics.Trace",
        "Xunit.ITestOutputHelper",
        "Xunit.ITestContext",
        "Xunit.TestContext",
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.LoggerExtensions"
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

        var sink = method.ContainingType is { } type && SinkTypes.Contains(type.ToDisplayString());
        foreach (var argument in invocation.Arguments.Where(a => IsSecret(a.Value, secret)))
        {
            if (sink || argument.Parameter?.Name is "customMessage" or "message")
            {
                Report(context, argument.Value, $"is passed to {method.ContainingType?.Name}.{method.Name}");
            }
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

    /// <summary>A SecretValue, or the raw text its Reveal() returns, seen through conversions.</summary>
    private static bool IsSecret(IOperation? value, INamedTypeSymbol secret)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(value.Type, secret))
        {
            return true;
        }

        return value is IInvocationOperation { TargetMethod.Name: "Reveal" } reveal
            && SymbolEqualityComparer.Default.Equals(reveal.TargetMethod.ContainingType, secret);
    }

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
