using RaxxPreflight.World;

namespace RaxxPreflight.Declarations;

/// <summary>
/// One of the world's shared reads an item makes first, before it depends on what another read says: the session
/// starts these for the selected items as soon as the run is set up (<see cref="ReadAhead"/>). Reads a wait repeats
/// (prod's releases, dynos and health after a deploy) and reads named by another's answer (the gate's environments)
/// are never first reads: a look taken ahead would be a look the wait did not take.
/// </summary>
public enum FirstRead
{
    /// <summary>Staging's health answer.</summary>
    StagingHealth,

    /// <summary>The newest successful run of the deploy workflow on the branch.</summary>
    NewestSuccessfulRun,

    /// <summary>The branch's head commit.</summary>
    BranchHead,

    /// <summary>Staging's and prod's config vars.</summary>
    ConfigVars,

    /// <summary>Stripe's answer for prod's secret key.</summary>
    ProdStripeKey,

    /// <summary>Staging's add-ons.</summary>
    StagingAddons,

    /// <summary>Prod's add-ons.</summary>
    ProdAddons,

    /// <summary>Staging's add-on attachments.</summary>
    StagingAttachments,

    /// <summary>Prod's add-on attachments.</summary>
    ProdAttachments,

    /// <summary>The deploy workflow's file.</summary>
    Workflow,

    /// <summary>Prod's database, in a read-only session.</summary>
    ProdDatabase,

    /// <summary>Staging's and prod's databases.</summary>
    Databases,

    /// <summary>Staging's releases.</summary>
    StagingReleases,

    /// <summary>Prod's formation.</summary>
    ProdFormation,
}

/// <summary>Where each <see cref="FirstRead"/> is read in the world.</summary>
public static class FirstReads
{
    /// <summary>Starts <paramref name="read"/> on <paramref name="world"/> (or joins it, if it started).</summary>
    public static Task Start(this FirstRead read, DeployWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return read switch
        {
            FirstRead.StagingHealth => world.StagingHealth.Value,
            FirstRead.NewestSuccessfulRun => world.NewestSuccessfulRun.Value,
            FirstRead.BranchHead => world.BranchHead.Value,
            FirstRead.ConfigVars => world.ConfigVarsAsync(),
            FirstRead.ProdStripeKey => world.ProdStripeKey.Value,
            FirstRead.StagingAddons => world.StagingAddons.Value,
            FirstRead.ProdAddons => world.ProdAddons.Value,
            FirstRead.StagingAttachments => world.StagingAttachments.Value,
            FirstRead.ProdAttachments => world.ProdAttachments.Value,
            FirstRead.Workflow => world.Workflow.Value,
            FirstRead.ProdDatabase => world.ProdDatabase.Value,
            FirstRead.Databases => world.DatabasesAsync(),
            FirstRead.StagingReleases => world.StagingReleases.Value,
            FirstRead.ProdFormation => world.ProdFormation.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(read), read, "a first read the world does not know"),
        };
    }
}
