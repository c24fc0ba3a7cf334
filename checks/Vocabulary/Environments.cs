// The checklist's vocabulary, defined once and linked into every project that speaks it (Core, the
// analyzers, the fakes): public in Core, internal where RAXX_VOCABULARY_INTERNAL is defined.
namespace RaxxPreflight;

/// <summary>The two environments the checklist compares, as results and reports name them.</summary>
#if RAXX_VOCABULARY_INTERNAL
internal
#else
public
#endif
static class Environments
{
    /// <summary>The staging app: the source of truth for what goes to prod.</summary>
    public const string Staging = "staging";

    /// <summary>The prod app.</summary>
    public const string Prod = "prod";
}
