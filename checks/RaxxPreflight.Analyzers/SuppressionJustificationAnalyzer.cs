using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RaxxPreflight.Analyzers;

/// <summary>
/// RXP0005: a suppression of a checklist rule (RXP*) or of a banned API (RS0030) says why: a <c>#pragma warning
/// disable</c> carries a comment on its line, a <c>[SuppressMessage]</c> a <c>Justification</c>. Suppressing stays
/// possible and visible in review; a silent one is an error.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SuppressionJustificationAnalyzer : DiagnosticAnalyzer
{
    // A reason is a few words, not a token: "ok" or "todo" is no reason.
    private const int ShortestReason = 10;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SuppressionNeedsJustification);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new System.ArgumentNullException(nameof(context));
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzePragmas);
        context.RegisterSyntaxNodeAction(AnalyzeAttribute, SyntaxKind.Attribute);
    }

    /// <summary>Whether a diagnostic id is one whose suppression must say why.</summary>
    internal static bool Guarded(string id) =>
        id.StartsWith("RXP", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(id, "RS0030", System.StringComparison.OrdinalIgnoreCase);

    private static void AnalyzePragmas(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        foreach (
            var pragma in root.DescendantTrivia(descendIntoTrivia: true)
                .Select(t => t.GetStructure())
                .OfType<PragmaWarningDirectiveTriviaSyntax>()
        )
        {
            if (!pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
            {
                continue;
            }

            var ids = pragma.ErrorCodes.Select(c => c.ToString().Trim()).ToList();
            var guarded = ids.Where(Guarded).ToList();
            // A blanket disable in a generator's output (the regex generator's, say) is the generator's, not a contributor's.
            if (ids.Count == 0 && !context.IsGeneratedCode)
            {
                guarded = ["every warning"];
            }

            if (guarded.Count == 0)
            {
                continue;
            }

            // The reason is the comment that ends the directive's line.
            var comment = pragma
                .DescendantTrivia(descendIntoTrivia: true)
                .Concat(pragma.EndOfDirectiveToken.LeadingTrivia)
                .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia))
                .Select(t => t.ToString().TrimStart('/').Trim())
                .FirstOrDefault();
            if (comment is null || comment.Length < ShortestReason)
            {
                context.ReportDiagnostic(
                    Diagnostic.Create(
                        Descriptors.SuppressionNeedsJustification,
                        pragma.GetLocation(),
                        "#pragma warning disable",
                        string.Join(", ", guarded),
                        "end the line with a comment that gives the reason (// why this is safe here)"
                    )
                );
            }
        }
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (
            context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || constructor.ContainingType.ToDisplayString()
                is not (
                    "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute"
                    or "System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessageAttribute"
                )
        )
        {
            return;
        }

        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        var checkId =
            positional.Count > 1
                ? context.SemanticModel.GetConstantValue(positional[1].Expression, context.CancellationToken).Value as string
                : null;
        var id = checkId?.Split(':')[0].Trim();
        if (id is null || !Guarded(id))
        {
            return;
        }

        var justification = arguments
            .Where(a => a.NameEquals?.Name.Identifier.ValueText == "Justification")
            .Select(a => context.SemanticModel.GetConstantValue(a.Expression, context.CancellationToken).Value as string)
            .FirstOrDefault();
        if (justification is null || justification.Trim().Length < ShortestReason)
        {
            context.ReportDiagnostic(
                Diagnostic.Create(
                    Descriptors.SuppressionNeedsJustification,
                    attribute.GetLocation(),
                    "[SuppressMessage]",
                    id,
                    "give it a Justification = \"why this is safe here\""
                )
            );
        }
    }
}
