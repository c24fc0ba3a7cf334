using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaxxPreflight.Analyzers;

/// <summary>
/// Every value one compilation puts into a symbol of its own, gathered as the compilation is analysed, to be read at
/// its end: a field's or a property's initializer and assignments, a parameter's arguments at every call site of its
/// method in this compilation, a method's returned values, a local's initializer and assignments. What the rules
/// that follow a value across members (RXP0004's secrets) trace through.
/// </summary>
internal sealed class ValueFlow
{
    private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<IOperation>> values = new(SymbolEqualityComparer.Default);

    /// <summary>Starts gathering in <paramref name="start"/>'s compilation.</summary>
    public static ValueFlow Gather(CompilationStartAnalysisContext start)
    {
        var flow = new ValueFlow();
        start.RegisterOperationAction(
            flow.Collect,
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.CoalesceAssignment,
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.VariableDeclarator,
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.Return
        );
        return flow;
    }

    /// <summary>What was put into <paramref name="symbol"/> (its original definition) anywhere in the compilation.</summary>
    public IEnumerable<IOperation> Into(ISymbol symbol) =>
        values.TryGetValue(symbol.OriginalDefinition, out var found) ? found : Enumerable.Empty<IOperation>();

    private void Add(ISymbol? symbol, IOperation? value)
    {
        if (symbol is not null && value is not null)
        {
            values.GetOrAdd(symbol.OriginalDefinition, _ => new ConcurrentQueue<IOperation>()).Enqueue(value);
        }
    }

    private void Collect(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IAssignmentOperation assignment:
                // x = v, x += v, x ??= v: the compound assignment itself stands for "v, added to what x held".
                Add(Target(assignment.Target), assignment is ISimpleAssignmentOperation simple ? simple.Value : assignment);
                break;
            case IFieldInitializerOperation initializer:
                foreach (var field in initializer.InitializedFields)
                {
                    Add(field, initializer.Value);
                }

                break;
            case IPropertyInitializerOperation initializer:
                foreach (var property in initializer.InitializedProperties)
                {
                    Add(property, initializer.Value);
                }

                break;
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Add(declarator.Symbol, initializer.Value);
                break;
            case IInvocationOperation invocation:
                Arguments(invocation.TargetMethod, invocation.Arguments);
                break;
            case IObjectCreationOperation creation when creation.Constructor is { } constructor:
                Arguments(constructor, creation.Arguments);
                foreach (var member in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? [])
                {
                    Add(Target(member.Target), member.Value);
                }

                break;
            case IReturnOperation { ReturnedValue: { } returned }:
                Add(Returner(context.Operation, context.ContainingSymbol), returned);
                break;
        }
    }

    // Only this compilation's own methods: what a library does with its arguments is the library's.
    private void Arguments(IMethodSymbol method, IEnumerable<IArgumentOperation> arguments)
    {
        if (!method.Locations.Any(l => l.IsInSource))
        {
            return;
        }

        foreach (var argument in arguments)
        {
            Add(argument.Parameter, argument.Value);
        }
    }

    private static ISymbol? Target(IOperation target) =>
        target switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

    // The method a return belongs to: the innermost lambda or local function around it, else the member.
    private static ISymbol? Returner(IOperation operation, ISymbol containing)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return containing;
    }
}
