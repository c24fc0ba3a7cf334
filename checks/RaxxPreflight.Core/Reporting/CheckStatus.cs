using System.Text.Json.Serialization;

namespace RaxxPreflight.Reporting;

/// <summary>How a checklist item ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    /// <summary>It held.</summary>
    [JsonStringEnumMemberName("pass")]
    Pass,

    /// <summary>It held, with a warning an operator should read.</summary>
    [JsonStringEnumMemberName("warn")]
    Warn,

    /// <summary>
    /// What it found is accepted, for now: every finding is covered by a live waiver of the config (with its reason,
    /// owner and expiry). Not a failure, not a warning.
    /// </summary>
    [JsonStringEnumMemberName("waived")]
    Waived,

    /// <summary>It did not hold.</summary>
    [JsonStringEnumMemberName("fail")]
    Fail,

    /// <summary>It could not be checked (an API error, a missing credential, a malformed config): a failure too.</summary>
    [JsonStringEnumMemberName("not-checked")]
    NotChecked,

    /// <summary>
    /// It does not apply to this service (its staging sets no Stripe keys, it has no database...), and says why: never a
    /// pass, never a failure. A run where nothing applies could check nothing.
    /// </summary>
    [JsonStringEnumMemberName("not-applicable")]
    NotApplicable,
}
