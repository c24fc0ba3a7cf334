// The checklist's vocabulary, defined once and linked into every project that speaks it (Core, the
// analyzers, the fakes): public in Core, internal where RAXX_VOCABULARY_INTERNAL is defined.
namespace RaxxPreflight;

/// <summary>
/// The two stages of a service the checklist compares (staging and prod apps), as results and reports name them. Not
/// a GitHub environment (<c>production</c>, a deployment gate), nor the process's settings.
/// </summary>
#if RAXX_VOCABULARY_INTERNAL
internal
#else
public
#endif
static class Stages
{
    /// <summary>The staging app: the source of truth for what goes to prod.</summary>
    public const string Staging = "staging";

    /// <summary>The prod app.</summary>
    public const string Prod = "prod";
}
