using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaxxPreflight.Analyzers;

/// <summary>The values a method puts into a local: what the rules that trace a value through locals (RXP0003, RXP0004) follow.</summary>
internal static class LocalValues
{
    /// <summary>Every value the method holding <paramref name="reference"/> ever puts into <paramref name="local"/>: its initializer and its assignments.</summary>
    public static IEnumerable<IOperation> AssignedTo(IOperation reference, ILocalSymbol local)
    {
        var root = reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && declarator.Initializer is { } initializer:
                    yield return initializer.Value;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
            }
        }
    }
}
