using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaxxPreflight.Analyzers;

/// <summary>
/// RXP0003: no mutating HTTP call from checklist code: Flurl's and HttpClient's Post/Put/Patch/Delete forms,
/// a request message or send with such a method, Octokit's create/update/delete calls. A method marked
/// [PermittedWrite("...")] may make its one write.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutatingHttpAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<string> WriteVerbs = ImmutableArray.Create("Post", "Put", "Patch", "Delete");

    private static readonly ImmutableArray<string> OctokitWrites = ImmutableArray.Create(
        "Create",
        "Update",
        "Delete",
        "Edit",
        "Remove",
        "Add",
        "Merge",
        "Put",
        "Post",
        "Patch",
        "Rerun",
        "ReRun",
        "Cancel",
        "Approve",
        "Enable",
        "Disable",
        "Lock",
        "Unlock",
        "Dispatch",
        "Transfer",
        "Replace",
        "Upload",
        "Star",
        "Unstar",
        "Follow",
        "Unfollow",
        "Watch",
        "Unwatch",
        "Review",
        "Reject"
    );

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NoMutatingHttpCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new System.ArgumentNullException(nameof(context));
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
        context.RegisterSymbolAction(
            AnalyzeMarker,
            SymbolKind.Method,
            SymbolKind.NamedType,
            SymbolKind.Property,
            SymbolKind.Field,
            SymbolKind.Event,
            SymbolKind.Parameter
        );
    }

    /// <summary>The attribute that marks the one sanctioned write, by its full metadata name: a look-alike is not it.</summary>
    public const string PermittedWriteAttribute = "RaxxPreflight.Http.PermittedWriteAttribute";

    /// <summary>The one method that may write, by its full name: it opens a Heroku log session, which changes nothing in the app.</summary>
    public const string PermittedWriteMethod = "RaxxPreflight.Heroku.HerokuClient.CreateLogSessionAsync";

    // The marker anywhere but on the one sanctioned method is itself an error: no second write can be sanctioned by
    // copying it, nor a class or a look-alike attribute.
    private static void AnalyzeMarker(SymbolAnalysisContext context)
    {
        var symbol = context.Symbol;
        foreach (
            var attribute in symbol.GetAttributes().Where(a => a.AttributeClass?.Name is "PermittedWriteAttribute" or "PermittedWrite")
        )
        {
            var genuine = attribute.AttributeClass?.ToDisplayString() == PermittedWriteAttribute;
            var sanctioned = symbol is IMethodSymbol method && FullName(method) == PermittedWriteMethod;
            if (genuine && sanctioned)
            {
                continue;
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? symbol.Locations[0];
            context.ReportDiagnostic(
                Diagnostic.Create(
                    Descriptors.NoMutatingHttpCall,
                    location,
                    symbol.ToDisplayString(),
                    genuine
                        ? $"carries [PermittedWrite], which only {PermittedWriteMethod} may carry: the checklist makes one write, and no other can be sanctioned"
                        : $"carries a look-alike of [PermittedWrite] ({attribute.AttributeClass?.ToDisplayString()}), which sanctions nothing"
                )
            );
        }
    }

    private static string FullName(IMethodSymbol method) => $"{method.ContainingType?.ToDisplayString()}.{method.Name}";

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var space = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        var type = method.ContainingType?.ToDisplayString() ?? string.Empty;
        string? problem = null;

        if (
            space.StartsWith("Flurl.Http", System.StringComparison.Ordinal)
            || type is "System.Net.Http.HttpClient" or "System.Net.Http.Json.HttpClientJsonExtensions"
        )
        {
            if (WriteVerbs.Any(v => method.Name.StartsWith(v, System.StringComparison.Ordinal)))
            {
                problem = "sends a " + WriteVerbs.First(v => method.Name.StartsWith(v, System.StringComparison.Ordinal)).ToUpperInvariant();
            }
            else if (
                method.Name.StartsWith("Send", System.StringComparison.Ordinal)
                && invocation.Arguments.Any(a => MutatingMethod(a.Value) is not null)
            )
            {
                problem = $"sends a {invocation.Arguments.Select(a => MutatingMethod(a.Value)).First(m => m is not null)}";
            }
        }
        else if (
            space.StartsWith("Octokit", System.StringComparison.Ordinal)
            && OctokitWrites.Any(v => method.Name.StartsWith(v, System.StringComparison.Ordinal))
        )
        {
            problem = "changes GitHub through Octokit";
        }

        Report(context, problem, $"{method.ContainingType?.Name}.{method.Name}");
    }

    private static void AnalyzeCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type?.ToDisplayString();
        if (type == "System.Net.Http.HttpRequestMessage")
        {
            var verb = creation.Arguments.Select(a => MutatingMethod(a.Value)).FirstOrDefault(m => m is not null);
            Report(context, verb is null ? null : $"builds a {verb} request", "new HttpRequestMessage");
        }
        else if (
            type == "System.Net.Http.HttpMethod"
            && creation.Arguments.Length == 1
            && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
            && !name.Equals("GET", System.StringComparison.OrdinalIgnoreCase)
            && !name.Equals("HEAD", System.StringComparison.OrdinalIgnoreCase)
        )
        {
            Report(context, $"makes the {name.ToUpperInvariant()} method", "new HttpMethod");
        }
    }

    private static string? MutatingMethod(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return
            value is IPropertyReferenceOperation { Property: { ContainingType: { Name: "HttpMethod" } } property }
            && WriteVerbs.Contains(property.Name)
            ? property.Name.ToUpperInvariant()
            : null;
    }

    private static void Report(OperationAnalysisContext context, string? problem, string what)
    {
        if (problem is null || IsPermitted(context.ContainingSymbol))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoMutatingHttpCall, context.Operation.Syntax.GetLocation(), what, problem));
    }

    // Only inside the one sanctioned method (its lambdas and local functions included), and only when it carries the
    // genuine marker: a class-level marker, a look-alike or another method sanctions nothing.
    private static bool IsPermitted(ISymbol? symbol)
    {
        for (; symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (
                symbol is IMethodSymbol { MethodKind: not (MethodKind.LocalFunction or MethodKind.AnonymousFunction) } method
                && FullName(method) == PermittedWriteMethod
                && method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == PermittedWriteAttribute)
            )
            {
                return true;
            }
        }

        return false;
    }
}
