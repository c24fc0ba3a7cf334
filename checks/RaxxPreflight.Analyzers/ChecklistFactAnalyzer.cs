using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RaxxPreflight.Analyzers;

/// <summary>
/// RXP0001 and RXP0002: every checklist fact carries exactly one phase, and a kebab-case Check id that no
/// other fact of the project carries (checked when the whole compilation is known).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChecklistFactAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that tells a code fix how many phases the fact has.</summary>
    public const string PhaseCountProperty = "PhaseCount";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.FactNeedsOnePhase, Descriptors.FactNeedsUniqueCheckId);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new System.ArgumentNullException(nameof(context));
        }

        // Generated code runs as facts too: it is analysed and reported like any other.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var fact = start.Compilation.GetTypeByMetadataName("Xunit.FactAttribute");
            if (fact is null)
            {
                return;
            }

            var facts = new ConcurrentBag<(IMethodSymbol Method, ImmutableArray<string?> Ids)>();
            var bases = new ConcurrentBag<(INamedTypeSymbol Derived, INamedTypeSymbol Base)>();
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, fact, facts), SymbolKind.Method);
            start.RegisterSymbolAction(
                symbol =>
                {
                    var type = (INamedTypeSymbol)symbol.Symbol;
                    for (var b = type.BaseType; b is not null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
                    {
                        bases.Add((type, b));
                    }
                },
                SymbolKind.NamedType
            );
            start.RegisterCompilationEndAction(end => ReportCheckIds(end, facts, bases));
        });
    }

    private static void AnalyzeMethod(
        SymbolAnalysisContext context,
        INamedTypeSymbol fact,
        ConcurrentBag<(IMethodSymbol, ImmutableArray<string?>)> facts
    )
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!ChecklistFacts.IsFact(method, fact))
        {
            return;
        }

        facts.Add((method, ChecklistFacts.CheckIdsOf(method)));
        var phases = ChecklistFacts.PhasesOf(method);
        var problem = phases.Length switch
        {
            0 => "has no phase",
            1 when !ChecklistFacts.Phases.Contains(phases[0].Phase) =>
                $"has the phase '{phases[0].Phase}', which is neither PreDeploy nor PostDeploy",
            1 => null,
            _ => $"has {phases.Length} phases ({string.Join(", ", phases.Select(p => p.Phase))})",
        };
        if (problem is not null)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(
                PhaseCountProperty,
                phases.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            );
            context.ReportDiagnostic(
                Diagnostic.Create(Descriptors.FactNeedsOnePhase, method.Locations[0], properties, Name(method), problem)
            );
        }
    }

    private static void ReportCheckIds(
        CompilationAnalysisContext context,
        ConcurrentBag<(IMethodSymbol Method, ImmutableArray<string?> Ids)> facts,
        ConcurrentBag<(INamedTypeSymbol Derived, INamedTypeSymbol Base)> bases
    )
    {
        // A fact in a class another class derives from runs once per class: two tests under one Check id. A generic
        // base counts for every class that closes it (ProbeGeneric<int>, ProbeGeneric<string>: two classes, one id).
        foreach (var (method, _) in facts)
        {
            var derived = bases
                .Where(b => SymbolEqualityComparer.Default.Equals(b.Base.OriginalDefinition, method.ContainingType.OriginalDefinition))
                .Select(b => b.Derived.Name)
                .OrderBy(n => n, System.StringComparer.Ordinal)
                .ToList();
            if (derived.Count > 0)
            {
                context.ReportDiagnostic(
                    Diagnostic.Create(
                        Descriptors.FactNeedsUniqueCheckId,
                        method.Locations[0],
                        Name(method),
                        $"is inherited by {string.Join(", ", derived)}: xunit runs it once per class, under one Check id; seal {method.ContainingType.Name} and share code by composition"
                    )
                );
            }
        }

        // Ordered by place so that the first declaration of an id is the one the others are told about.
        var ordered = facts
            .OrderBy(f => f.Method.Locations[0].SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(f => f.Method.Locations[0].SourceSpan.Start)
            .ToList();
        var firstById = new System.Collections.Generic.Dictionary<string, IMethodSymbol>(System.StringComparer.Ordinal);
        foreach (var (method, ids) in ordered)
        {
            string? problem = null;
            var additional = Enumerable.Empty<Location>();
            if (ids.Length == 0)
            {
                problem = "has no Check id";
            }
            else if (ids.Length > 1)
            {
                problem = $"has {ids.Length} Check ids";
            }
            else if (ids[0] is not { } id || !ChecklistFacts.IsKebabCase(id))
            {
                problem = $"has the Check id '{ids[0]}', which is not kebab-case";
            }
            else if (firstById.TryGetValue(id, out var first))
            {
                var place = first.Locations[0].GetLineSpan();
                problem =
                    $"has the Check id '{id}', which '{Name(first)}' ({System.IO.Path.GetFileName(place.Path)}:{place.StartLinePosition.Line + 1}) has too";
                additional = first.Locations;
            }
            else
            {
                firstById[id] = method;
            }

            if (problem is not null)
            {
                context.ReportDiagnostic(
                    Diagnostic.Create(Descriptors.FactNeedsUniqueCheckId, method.Locations[0], additional, Name(method), problem)
                );
            }
        }
    }

    private static string Name(IMethodSymbol method) => $"{method.ContainingType.Name}.{method.Name}";
}
