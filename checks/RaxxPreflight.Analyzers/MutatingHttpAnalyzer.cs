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

    // Words that name a write in Octokit's method names: a second opinion on its declared routes, never the first.
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
        "Submit",
        "Dismiss",
        "Reject",
        "Invite",
        "Rename",
        "Mark",
        "Set",
        "Generate",
        "Revoke",
        "Request",
        "Accept",
        "Decline",
        "Block",
        "Unblock",
        "Publish",
        "Conceal",
        "Start",
        "Reset",
        "Restore",
        "Suspend",
        "Unsuspend",
        "Promote",
        "Demote",
        "Archive",
        "Unarchive",
        "Sync",
        "Import",
        "Redeliver",
        "Ping",
        "Test",
        "Rerequest"
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
        context.RegisterOperationAction(AnalyzeMethodReference, OperationKind.MethodReference);
        context.RegisterCompilationStartAction(AnalyzeSql);
        context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
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
        Report(context, Call(method, invocation.Arguments, context.Compilation), $"{method.ContainingType?.Name}.{method.Name}");
    }

    // A method group (Func<...> call = repositories.Delete;) calls what it names: judged as a call.
    private static void AnalyzeMethodReference(OperationAnalysisContext context)
    {
        var method = ((IMethodReferenceOperation)context.Operation).Method;
        method = method.ReducedFrom ?? method;
        Report(context, Call(method, null, context.Compilation), $"{method.ContainingType?.Name}.{method.Name}");
    }

    // What a call of (or a reference to) an HTTP client's method does: null for a read. Without its arguments (a
    // method group) a Send's verb is not known until it is called, where it is judged.
    private static string? Call(IMethodSymbol method, ImmutableArray<IArgumentOperation>? arguments, Compilation compilation)
    {
        var space = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        var type = method.ContainingType?.ToDisplayString() ?? string.Empty;
        if (
            space.StartsWith("Flurl.Http", System.StringComparison.Ordinal)
            || type is "System.Net.Http.HttpClient" or "System.Net.Http.Json.HttpClientJsonExtensions"
        )
        {
            var verb = WriteVerbs.FirstOrDefault(v => method.Name.StartsWith(v, System.StringComparison.Ordinal));
            if (verb is not null)
            {
                return "sends a " + verb.ToUpperInvariant();
            }

            var sent = method.Name.StartsWith("Send", System.StringComparison.Ordinal)
                ? arguments?.Select(a => MutatingMethod(a.Value)).FirstOrDefault(m => m is not null)
                : null;
            return Problem(sent, "sends");
        }

        if (type == "System.Diagnostics.Process" && method.Name == "Start")
        {
            return "runs another program, which can do anything (heroku config:set, git push): read through the run's clients instead";
        }

        return space == "Octokit" || space.StartsWith("Octokit.", System.StringComparison.Ordinal) ? Octokit(method, compilation) : null;
    }

    // Npgsql: its API's writes are refused outright; SQL text given to a command is traced to its constants (through
    // locals, readonly fields and private helpers' parameters, at the compilation's end) and each must read.
    private static void AnalyzeSql(CompilationStartAnalysisContext start)
    {
        if (start.Compilation.GetTypeByMetadataName("Npgsql.NpgsqlCommand") is null)
        {
            return;
        }

        var flow = ValueFlow.Gather(start);
        var texts = new System.Collections.Concurrent.ConcurrentQueue<(IOperation Value, string What)>();
        start.RegisterOperationAction(
            c =>
            {
                var (method, arguments) = c.Operation switch
                {
                    IInvocationOperation invocation => (
                        invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod,
                        invocation.Arguments
                    ),
                    IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (method is null)
                {
                    return;
                }

                var name = $"{method.ContainingType?.ToDisplayString()}.{method.Name}";
                if (SqlStatements.Writes.Contains(name))
                {
                    c.ReportDiagnostic(
                        Diagnostic.Create(
                            Descriptors.NoMutatingHttpCall,
                            c.Operation.Syntax.GetLocation(),
                            $"{method.ContainingType?.Name}.{method.Name}",
                            "changes a database whatever its SQL (Npgsql's imports, raw COPY and large objects write)"
                        )
                    );
                }

                foreach (var argument in arguments.Where(a => SqlStatements.TakesSql(method, a.Parameter)))
                {
                    texts.Enqueue(
                        (
                            argument.Value,
                            method.MethodKind == MethodKind.Constructor
                                ? $"new {method.ContainingType?.Name}"
                                : $"{method.ContainingType?.Name}.{method.Name}"
                        )
                    );
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation
        );
        start.RegisterOperationAction(
            c =>
            {
                if (
                    ((ISimpleAssignmentOperation)c.Operation)
                        is { Target: IPropertyReferenceOperation { Property: var property } } assignment
                    && SqlStatements.IsCommandText(property)
                )
                {
                    texts.Enqueue((assignment.Value, $"{property.ContainingType.Name}.CommandText"));
                }
            },
            OperationKind.SimpleAssignment
        );
        start.RegisterCompilationEndAction(end =>
        {
            foreach (var (value, what) in texts)
            {
                var found = SqlStatements.Texts(value, flow);
                var problem = found is null
                    ? "runs SQL whose text cannot be told at compile time (a parameter of a visible method, a mutable field, built text): use a constant, or a private helper given constants"
                    : found.Select(SqlStatements.Problem).FirstOrDefault(p => p is not null);
                if (problem is not null)
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.NoMutatingHttpCall, value.Syntax.GetLocation(), what, problem));
                }
            }
        });
    }

    /// <summary>
    /// What an Octokit call does, from Octokit's own API: each client method's implementation declares its route
    /// (<c>[ManualRoute("GET", "/repos/{owner}/{repo}")]</c>); only GET and HEAD read. A method that declares no route
    /// cannot be told and is refused; and as Octokit's declarations are not always right (14.0.0 declares GET on
    /// <c>Gists.Create</c>, which POSTs), a method named as a write is a write whatever it declares. The raw
    /// connections (<c>IConnection</c>, <c>IApiConnection</c>) name their verb: only their Get methods read.
    /// </summary>
    private static string? Octokit(IMethodSymbol method, Compilation compilation)
    {
        method = method.OriginalDefinition;
        var owner = method.ContainingType;
        if (owner is null || method.MethodKind != MethodKind.Ordinary || method.IsStatic)
        {
            return null;
        }

        if (owner.Name is "IConnection" or "IApiConnection" or "Connection" or "ApiConnection" or "IHttpClient" or "HttpClientAdapter")
        {
            // What sends a request returns a task; settings (SetRequestTimeout) send nothing.
            var sends = method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask" };
            return !sends || method.Name.StartsWith("Get", System.StringComparison.Ordinal)
                ? null
                : $"sends a request through Octokit's raw connection ({method.Name}): only its Get methods read";
        }

        if (!owner.Name.EndsWith("Client", System.StringComparison.Ordinal) || owner.Name == "GitHubClient")
        {
            return null;
        }

        var route = Route(method, owner, compilation);
        if (route is null)
        {
            return "calls an Octokit method that declares no route ([ManualRoute]), so whether it reads cannot be told: use a method that declares a GET";
        }

        var (verb, path) = route.Value;
        if (verb.ToUpperInvariant() is not ("GET" or "HEAD"))
        {
            return $"changes GitHub through Octokit ({verb.ToUpperInvariant()} {path})";
        }

        var named = OctokitWrites.FirstOrDefault(w =>
            method.Name.StartsWith(w, System.StringComparison.Ordinal)
            && (method.Name.Length == w.Length || !char.IsLower(method.Name[w.Length]))
        );
        return named is null
            ? null
            : $"is named as a write ({named}...) though Octokit declares {verb} {path}: Octokit's declarations are not always what it sends, so a write's name is a write";
    }

    // The route an Octokit client method's implementation declares: on the method itself when it is the class's, or
    // on the class that implements the interface (Octokit's convention: IRepositoriesClient, RepositoriesClient; else
    // the class of its namespace that implements it).
    private static (string Verb, string Path)? Route(IMethodSymbol method, INamedTypeSymbol owner, Compilation compilation)
    {
        var implementation = method;
        if (owner.TypeKind == TypeKind.Interface)
        {
            var space = owner.ContainingNamespace?.ToDisplayString();
            var name = owner.MetadataName.StartsWith("I", System.StringComparison.Ordinal)
                ? owner.MetadataName.Substring(1)
                : owner.MetadataName;
            var type =
                compilation.GetTypeByMetadataName(string.IsNullOrEmpty(space) ? name : $"{space}.{name}")
                ?? owner
                    .ContainingNamespace?.GetTypeMembers()
                    .FirstOrDefault(t =>
                        t.TypeKind == TypeKind.Class
                        && t.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, owner))
                    );
            implementation = type?.FindImplementationForInterfaceMember(method) as IMethodSymbol;
        }

        var declared = implementation
            ?.GetAttributes()
            .FirstOrDefault(a =>
                a.AttributeClass is { Name: "ManualRouteAttribute" } attribute
                && attribute.ContainingNamespace?.ToDisplayString() == "Octokit"
            );
        return declared is { ConstructorArguments.Length: 2 } && declared.ConstructorArguments[0].Value is string verb
            ? (verb, declared.ConstructorArguments[1].Value as string ?? "?")
            : null;
    }

    private static void AnalyzeCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type?.ToDisplayString();
        if (type is "System.Net.Sockets.Socket" or "System.Net.Sockets.TcpClient" or "System.Net.Sockets.UdpClient")
        {
            Report(
                context,
                "opens a raw socket, whose bytes no guard reads: use the run's HTTP pipeline or the database reader",
                $"new {creation.Type!.Name}"
            );
        }
        else if (type == "System.Net.Http.HttpRequestMessage")
        {
            // The verb as the constructor gets it, or as an initializer sets it ({ Method = ... }); none is a GET.
            var given = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "method")?.Value;
            var set = creation
                .Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Method" })
                ?.Value;
            var verb =
                set is not null ? Verb(set, 0)
                : given is not null ? Verb(given, 0)
                : null;
            Report(context, Problem(verb, "builds"), "new HttpRequestMessage");
        }
        else if (type == "System.Net.Http.HttpMethod" && Verb(creation, 0) is { } verb)
        {
            Report(context, verb == Unknown ? Problem(verb, "makes") : $"makes the {verb} method", "new HttpMethod");
        }
    }

    // request.Method = ...: the verb set after the request was built.
    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (
            assignment.Target
                is IPropertyReferenceOperation { Property: { Name: "Method", ContainingType: { Name: "HttpRequestMessage" } } }
            && assignment.Parent is not IObjectOrCollectionInitializerOperation
        )
        {
            Report(context, Problem(Verb(assignment.Value, 0), "sets"), "HttpRequestMessage.Method");
        }
    }

    private const string Unknown = "?";

    // The verb of an argument that is an HttpMethod: a write, or one that cannot be told; null for a read or no verb.
    private static string? MutatingMethod(IOperation value) =>
        value.Type?.Name == "HttpMethod" || value is IConversionOperation { Operand.Type.Name: "HttpMethod" } ? Verb(value, 0) : null;

    private static string? Problem(string? verb, string what) =>
        verb switch
        {
            null => null,
            Unknown =>
                $"{what} a request whose verb cannot be told at compile time (a parameter, a mutable field, a computed name): use HttpMethod.Get or HttpMethod.Head",
            _ => $"{what} a {verb} request",
        };

    /// <summary>
    /// The verb a value holds, traced through conversions, conditionals, locals (every value the method puts in
    /// them) and readonly fields' initializers: null for GET, HEAD or OPTIONS, the verb for any other, or
    /// <see cref="Unknown"/> when it cannot be told.
    /// </summary>
    private static string? Verb(IOperation? value, int depth)
    {
        if (value is null || depth > 8)
        {
            return Unknown;
        }

        switch (value)
        {
            case IConversionOperation conversion:
                return Verb(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Verb(parenthesized.Operand, depth + 1);
            case IConditionalOperation conditional:
                return Worst(Verb(conditional.WhenTrue, depth + 1), Verb(conditional.WhenFalse, depth + 1));
            case IPropertyReferenceOperation { Property.ContainingType.Name: "HttpMethod" } known:
                return Named(known.Property.Name);
            case IObjectCreationOperation { Type.Name: "HttpMethod" } made:
                return made.Arguments.Length == 1 && made.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
                    ? Named(name)
                    : Unknown;
            case IInvocationOperation { TargetMethod: { Name: "Parse", ContainingType.Name: "HttpMethod" } } parsed:
                return parsed.Arguments.Length == 1 && Constant(parsed.Arguments[0].Value) is { } text ? Named(text) : Unknown;
            case ILocalReferenceOperation local:
                return LocalValues.AssignedTo(value, local.Local).Select(v => Verb(v, depth + 1)).Aggregate((string?)null, Worst);
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                return FieldVerb(field);
            default:
                return Unknown;
        }
    }

    // A string constant, seen through the conversion to ReadOnlySpan<char> that HttpMethod.Parse takes.
    private static string? Constant(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }

    private static string? Named(string name) => name.ToUpperInvariant() is "GET" or "HEAD" or "OPTIONS" ? null : name.ToUpperInvariant();

    // A verb beats none, and not knowing beats any verb: the report says the worst that can happen.
    private static string? Worst(string? a, string? b) => a == Unknown || b == Unknown ? Unknown : a ?? b;

    // A readonly field's initializer, read from its syntax: HttpMethod.X or new HttpMethod("X").
    private static string? FieldVerb(IFieldSymbol field)
    {
        var declarator =
            field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax;
        return declarator?.Initializer?.Value switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: var owner, Name: var name }
                when owner.ToString().EndsWith("HttpMethod", System.StringComparison.Ordinal) => Named(name.Identifier.ValueText),
            Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: var arguments }
                when arguments.Count == 1
                    && arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal => Named(
                literal.Token.ValueText
            ),
            _ => Unknown,
        };
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
