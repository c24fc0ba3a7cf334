using System.Collections.Concurrent;
using RaxxPreflight.Configuration;
using RaxxPreflight.Database;
using RaxxPreflight.Secrets;
using RaxxPreflight.Services;

namespace RaxxPreflight.World;

/// <summary>
/// Every service of one run: the deploy description, the clients and shared reads they all go through, and each
/// service's <see cref="DeployWorld"/>, made (its apps and rules found) once, on the first item that needs it. A service
/// whose description is wrong or whose pipeline does not give its apps fails alone: the others run.
/// </summary>
public sealed class Fleet
{
    private readonly DeployClients clients;
    private readonly DatabaseAccess databases;
    private readonly CancellationToken stopping;
    private readonly ConcurrentDictionary<string, Lazy<Task<(DeployWorld World, ResolvedService Resolved)>>> worlds = new(
        StringComparer.Ordinal
    );

    /// <summary>Wires the services to the clients.</summary>
    public Fleet(
        DeployDescription description,
        DeployClients clients,
        TimeProvider time,
        DatabaseAccess databases,
        CancellationToken stopping
    )
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(clients);
        Description = description;
        this.clients = clients;
        this.databases = databases;
        this.stopping = stopping;
        Time = time;
    }

    /// <summary>The services, as the config describes them.</summary>
    public DeployDescription Description { get; }

    /// <summary>The reads every service shares.</summary>
    public SharedReads Reads { get; } = new();

    /// <summary>Masks every secret the run has read, whichever service read it.</summary>
    public Redactor Redactor => clients.Redactor;

    /// <summary>The run's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The accepted findings (the config's waivers, which every service shares).</summary>
    public IReadOnlyList<Waiver> Waivers => Description.Services.FirstOrDefault(s => s.Error is null)?.Config.Waivers ?? [];

    /// <summary>
    /// The world of <paramref name="service"/>, its apps and rules found; throws (one line) when the service is not in
    /// the description, its description is wrong, or what it needs could not be found.
    /// </summary>
    public async Task<DeployWorld> WorldAsync(string service) => (await ResolveAsync(service).ConfigureAwait(false)).World;

    /// <summary>What the checklist found for <paramref name="service"/> (for <c>describe</c>).</summary>
    public async Task<ResolvedService> ResolvedAsync(string service) => (await ResolveAsync(service).ConfigureAwait(false)).Resolved;

    /// <summary>
    /// Starts the first reads of <paramref name="items"/> for <paramref name="service"/> as early as each can start: those
    /// that need only the apps as soon as the pipeline gives them (on a world of the apps alone, whose reads the service's
    /// world shares), the rest once staging's vars have given the rules. What fails is left for the items to tell.
    /// </summary>
    public async Task ReadAheadAsync(string service, IReadOnlyList<Declarations.ChecklistItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (Description.Find(service) is not { Error: null } spec)
        {
            return;
        }

        try
        {
            var apps = await ServiceResolver.ResolveAppsAsync(spec, clients.Heroku, Reads, stopping).ConfigureAwait(false);
            var early = new DeployWorld(apps.Config, clients, Time, databases, stopping, Reads);

            // Stripe's answer is read by the var the rules name: it waits for them.
            World.ReadAhead.Start(early, items, except: Declarations.FirstRead.ProdStripeKey);
            World.ReadAhead.Start(await WorldAsync(service).ConfigureAwait(false), items);
        }
        catch (Exception e) when (e is PreflightConfigException or Http.RemoteServiceException or OperationCanceledException)
        {
            // The items that need the service say so themselves.
        }
    }

    private Task<(DeployWorld World, ResolvedService Resolved)> ResolveAsync(string service) =>
        worlds
            .GetOrAdd(
                service,
                name =>
                    new(async () =>
                    {
                        var spec =
                            Description.Find(name)
                            ?? throw new PreflightConfigException(
                                $"the config describes no service {name} (it describes {string.Join(", ", Description.Names)})"
                            );
                        var resolved = await ServiceResolver.ResolveAsync(spec, clients.Heroku, Reads, stopping).ConfigureAwait(false);
                        return (new DeployWorld(resolved.Config, clients, Time, databases, stopping, Reads), resolved);
                    })
            )
            .Value;
}
