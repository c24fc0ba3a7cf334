using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RaxxPreflight.Analyzers;

/// <summary>How the analyzers recognise a checklist fact and read its traits.</summary>
internal static class ChecklistFacts
{
    public const string PhaseTrait = RaxxPreflight.Phases.Trait;
    public const string CheckTrait = RaxxPreflight.Phases.CheckTrait;
    public static readonly ImmutableArray<string> Phases = ImmutableArray.Create(RaxxPreflight.Phases.All);

    /// <summary>True when <paramref name="method"/> carries [Fact], [Theory] or any attribute derived from xunit's FactAttribute.</summary>
    public static bool IsFact(IMethodSymbol method, INamedTypeSymbol factAttribute) =>
        method.GetAttributes().Any(a => DerivesFrom(a.AttributeClass, factAttribute));

    /// <summary>
    /// The phases xunit gives the method, with the attribute that declares each: the method's own, its class's and its
    /// class's base classes' (xunit reads a class's traits with inheritance), and the assembly's (which every fact of
    /// the project gets). A class it is nested in gives it none.
    /// </summary>
    public static ImmutableArray<(string Phase, AttributeData Attribute)> PhasesOf(IMethodSymbol method)
    {
        var phases = ImmutableArray.CreateBuilder<(string, AttributeData)>();
        foreach (var attribute in method.GetAttributes().Concat(ProjectWide(method.ContainingAssembly)))
        {
            AddPhase(attribute, phases);
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                AddPhase(attribute, phases);
            }
        }

        return phases.ToImmutable();
    }

    // The assembly's and its modules' own attributes: a trait among them is every fact's too.
    private static IEnumerable<AttributeData> ProjectWide(IAssemblySymbol? assembly) =>
        assembly is null ? [] : assembly.GetAttributes().Concat(assembly.Modules.SelectMany(m => m.GetAttributes()));

    /// <summary>The attribute that declares a checklist item, its phase and its id among the rest.</summary>
    public const string ItemAttribute = "ItemAttribute";

    /// <summary>The Check ids the method declares ([Item("id", ...)], [Check("id")] or [Trait("Check", "id")]), the assembly's among them.</summary>
    public static ImmutableArray<string?> CheckIdsOf(IMethodSymbol method) =>
        method
            .GetAttributes()
            .Concat(ProjectWide(method.ContainingAssembly))
            .Where(a => a.AttributeClass?.Name is "CheckAttribute" or ItemAttribute || IsTrait(a, CheckTrait))
            .Select(a => a.AttributeClass?.Name is "CheckAttribute" or ItemAttribute ? FirstString(a) : SecondString(a))
            .ToImmutableArray();

    /// <summary>kebab-case: lowercase words of letters and digits joined by single hyphens.</summary>
    public static bool IsKebabCase(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[id.Length - 1] == '-' || id.Contains("--"))
        {
            return false;
        }

        return id.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    }

    private static void AddPhase(AttributeData attribute, ImmutableArray<(string, AttributeData)>.Builder phases)
    {
        switch (attribute.AttributeClass?.Name)
        {
            case "PreDeployAttribute":
                phases.Add(("PreDeploy", attribute));
                break;
            case "PostDeployAttribute":
                phases.Add(("PostDeploy", attribute));
                break;

            // [Item(id, Phase.PreDeploy, title, ...)]: the declaration's phase, an enum in the vocabulary's order.
            case ItemAttribute:
                phases.Add((ItemPhase(attribute), attribute));
                break;
            default:
                if (IsTrait(attribute, PhaseTrait))
                {
                    phases.Add((SecondString(attribute) ?? string.Empty, attribute));
                }

                break;
        }
    }

    // xunit matches trait names case-insensitively: Trait("phase", ...) is a Phase trait.
    private static bool IsTrait(AttributeData attribute, string name) =>
        attribute.AttributeClass?.Name == "TraitAttribute"
        && string.Equals(FirstString(attribute), name, System.StringComparison.OrdinalIgnoreCase);

    private static string ItemPhase(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 1
        && attribute.ConstructorArguments[1].Value is int phase
        && phase >= 0
        && phase < Phases.Length
            ? Phases[phase]
            : string.Empty;

    private static string? FirstString(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;

    private static string? SecondString(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
