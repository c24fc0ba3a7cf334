using Microsoft.CodeAnalysis;

namespace RaxxPreflight.Analyzers;

/// <summary>Every rule of the checklist's analyzers, in one place. Each message says how to fix it.</summary>
internal static class Descriptors
{
    private const string Category = "RaxxPreflight";

    /// <summary>RXP0001: a checklist fact carries exactly one phase.</summary>
    public static readonly DiagnosticDescriptor FactNeedsOnePhase = new(
        "RXP0001",
        "A checklist fact carries exactly one phase",
        "Checklist fact '{0}' {1}: declare it with [Item(id, Phase.PreDeploy or Phase.PostDeploy, title)] and no other Phase trait (its class's, a base class's or the assembly's), or the phase filters never run it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "dotnet test --filter Phase=PreDeploy runs only the facts that carry that phase: a fact without one is silently left out of every run.",
        helpLinkUri: HelpLink("RXP0001")
    );

    /// <summary>RXP0002: a checklist fact carries a unique, kebab-case Check id.</summary>
    public static readonly DiagnosticDescriptor FactNeedsUniqueCheckId = new(
        "RXP0002",
        "A checklist fact carries a unique kebab-case Check id",
        "Checklist fact '{0}' {1}: declare it with [Item(CheckIds.X, phase, title)], a kebab-case id that no other fact uses",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "CI history and --filter Check=<id> tell items apart by their Check id: it must exist, read as kebab-case, and be unique.",
        helpLinkUri: HelpLink("RXP0002"),
        customTags: WellKnownDiagnosticTags.CompilationEnd
    );

    /// <summary>RXP0003: no mutating HTTP call from checklist code.</summary>
    public static readonly DiagnosticDescriptor NoMutatingHttpCall = new(
        "RXP0003",
        "Checklist code makes no mutating HTTP call",
        "'{0}' {1}: the checklist only reads production; use a GET, or mark the one sanctioned write's method with [PermittedWrite(\"why it changes nothing\")]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A checklist that writes to production is a deploy step, not a check. The read-only pipeline refuses such requests at run time; this rule refuses them at compile time.",
        helpLinkUri: HelpLink("RXP0003"),
        customTags: WellKnownDiagnosticTags.CompilationEnd
    );

    /// <summary>RXP0004: a secret value never reaches text.</summary>
    public static readonly DiagnosticDescriptor NoSecretInText = new(
        "RXP0004",
        "A secret value never reaches text",
        "A secret value {0}: use its .Masked form instead, so that no output holds the value",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Config var values, keys and tokens are SecretValues. Text built from them ends up in test names, messages and CI logs; only the masked form may.",
        helpLinkUri: HelpLink("RXP0004"),
        customTags: WellKnownDiagnosticTags.CompilationEnd
    );

    /// <summary>RXP0005: a suppression of a checklist rule says why.</summary>
    public static readonly DiagnosticDescriptor SuppressionNeedsJustification = new(
        "RXP0005",
        "A suppression of a checklist rule says why",
        "{0} suppresses {1} without saying why: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The RXP rules and the facts' bans keep secrets out of output and writes out of the checklist. Turning one off stays possible, and visible in review: with its reason beside it.",
        helpLinkUri: HelpLink("RXP0005")
    );

    private static string HelpLink(string id) => $"https://github.com/raxx-app/RaxxPreflight/blob/main/docs/rules/{id}.md";
}
