using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RaxxPreflight.Analyzers.CodeFixes;

/// <summary>RXP0001's fix: a fact with no phase gets the Phase trait its file's folder implies (<c>PreDeploy/</c>, <c>PostDeploy/</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPhaseCodeFix))]
[Shared]
public sealed class AddPhaseCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RXP0001");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var phase = PhaseOfFolder(context.Document.FilePath);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (
                phase is null
                || !diagnostic.Properties.TryGetValue(ChecklistFactAnalyzer.PhaseCountProperty, out var count)
                || count != "0"
            )
            {
                continue;
            }

            var method = root
                ?.FindToken(diagnostic.Location.SourceSpan.Start)
                .Parent?.AncestorsAndSelf()
                .OfType<MethodDeclarationSyntax>()
                .FirstOrDefault();
            if (method is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add [Trait(\"Phase\", \"{phase}\")]",
                    ct => AddPhaseAsync(context.Document, method, phase, ct),
                    equivalenceKey: "AddPhase" + phase
                ),
                diagnostic
            );
        }
    }

    private static string? PhaseOfFolder(string? path)
    {
        var parts = (path ?? string.Empty).Replace('\\', '/').Split('/');
        return parts.Contains("PreDeploy") ? "PreDeploy"
            : parts.Contains("PostDeploy") ? "PostDeploy"
            : null;
    }

    private static async Task<Document> AddPhaseAsync(
        Document document,
        MethodDeclarationSyntax method,
        string phase,
        CancellationToken cancellationToken
    )
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        // xunit's own Phase trait: it compiles wherever the fact does. A checklist item is better declared whole, with
        // [Item(id, Phase.X, title, ...)]; this fix only makes a plain fact run in its folder's phase.
        var literal = SyntaxFactory.AttributeArgument(
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("Phase"))
        );
        var value = SyntaxFactory.AttributeArgument(
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(phase))
        );
        var attribute = SyntaxFactory.AttributeList(
            SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(
                    SyntaxFactory.IdentifierName("Trait"),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList([literal, value]))
                )
            )
        );
        var lists = method.AttributeLists;
        var last = lists.Last();
        var updated = method.WithAttributeLists(
            lists.Insert(lists.Count, attribute.WithTriviaFrom(last).WithLeadingTrivia(last.GetLeadingTrivia()))
        );
        return document.WithSyntaxRoot(root!.ReplaceNode(method, updated));
    }
}
