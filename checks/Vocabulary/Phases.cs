// The checklist's vocabulary, defined once and linked into every project that speaks it (Core, the
// analyzers, the fakes): public in Core, internal where RAXX_VOCABULARY_INTERNAL is defined.
namespace RaxxPreflight;

/// <summary>The trait names and phase values the runs filter on (<c>--filter Phase=PreDeploy</c>), and the runner's words for them.</summary>
#if RAXX_VOCABULARY_INTERNAL
internal
#else
public
#endif
static class Phases
{
    /// <summary>The phase trait's name.</summary>
    public const string Trait = "Phase";

    /// <summary>The check id trait's name.</summary>
    public const string CheckTrait = "Check";

    /// <summary>The trait that names the service a test case checks (<c>--filter "Phase=PreDeploy&amp;Service=raxx-api"</c>).</summary>
    public const string ServiceTrait = "Service";

    /// <summary>Before the deploy is dispatched.</summary>
    public const string PreDeploy = "PreDeploy";

    /// <summary>Right after the deploy, as a smoke run in CI.</summary>
    public const string PostDeploy = "PostDeploy";

    /// <summary>Both phases, in the checklist's order.</summary>
    public static readonly string[] All = [PreDeploy, PostDeploy];

    /// <summary>The trait value of <paramref name="phase"/>: its name, <c>PreDeploy</c> or <c>PostDeploy</c>.</summary>
    public static string Name(Phase phase) => phase == Phase.PreDeploy ? PreDeploy : PostDeploy;

    /// <summary>The runner's word for a phase: <c>pre-deploy</c>, <c>post-deploy</c> (the one map between the two).</summary>
    public static string Word(string phase) => phase == PreDeploy ? "pre-deploy" : "post-deploy";
}

/// <summary>When an item runs: before the deploy is dispatched, or right after it.</summary>
#if RAXX_VOCABULARY_INTERNAL
internal
#else
public
#endif
enum Phase
{
    /// <summary>Before the deploy is dispatched (<c>--filter Phase=PreDeploy</c>, <c>run-preflight.sh pre-deploy</c>).</summary>
    PreDeploy,

    /// <summary>Right after the deploy, as a smoke run in CI (<c>Phase=PostDeploy</c>, <c>run-preflight.sh post-deploy</c>).</summary>
    PostDeploy,
}
