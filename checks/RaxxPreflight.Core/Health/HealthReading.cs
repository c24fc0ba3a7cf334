namespace RaxxPreflight.Health;

/// <summary>What a health answer says of the service, whatever its format.</summary>
public enum HealthState
{
    /// <summary>Healthy: the body (or, where it names no state, a 2xx) says so.</summary>
    Pass,

    /// <summary>Up, but degraded, partial or warning: named components are not well.</summary>
    Warn,

    /// <summary>The answer says the service is down, or its status code is an error.</summary>
    Fail,

    /// <summary>What came back is no health answer: a redirect, a Cloudflare or Heroku page, HTML, an empty body.</summary>
    NotHealth,

    /// <summary>Nothing came back: no connection, no answer in time, an answer cut off.</summary>
    NoAnswer,
}

/// <summary>One probe of a health endpoint, read by meaning (<see cref="HealthFormats.Read"/>).</summary>
/// <param name="Url">The URL probed.</param>
/// <param name="Status">The HTTP status; null when no answer came.</param>
/// <param name="State">What the answer says.</param>
/// <param name="Format">The format recognised ("Spring Boot Actuator", "plain status JSON"...), or what the answer is instead.</param>
/// <param name="ReportedStatus">The status word the body gave, if any (<c>ok</c>, <c>UP</c>, <c>Degraded</c>...).</param>
/// <param name="Service">The service name the body gave, if any.</param>
/// <param name="Version">What the body says it runs (version, release, build or commit), if it says.</param>
/// <param name="Failing">The components the body names as not passing, each as <c>name (state)</c>.</param>
/// <param name="Problem">Why it is not healthy or no health answer, in words.</param>
/// <param name="Fix">What to do about an answer that is no health answer, when there is one thing to do.</param>
public sealed record HealthReading(
    Uri Url,
    int? Status,
    HealthState State,
    string? Format,
    string? ReportedStatus,
    string? Service,
    HealthVersion? Version,
    IReadOnlyList<string> Failing,
    string? Problem,
    string? Fix = null
)
{
    /// <summary>
    /// True for a page Heroku's router or Cloudflare's edge answers because no web dyno did (Heroku's Application
    /// Error page, Cloudflare's 52x): not the service's answer, but one a restart or a finished boot changes.
    /// </summary>
    public bool NoDynoAnswered { get; init; }

    /// <summary>True when waiting or a restart may change what the probe gets: the service down, no answer, no dyno answering.</summary>
    public bool Recoverable => State is HealthState.Fail or HealthState.NoAnswer || NoDynoAnswered;

    /// <summary>A short account of what was seen, for messages and attempt records.</summary>
    public string Summary
    {
        get
        {
            if (Status is null)
            {
                return Problem ?? "no answer";
            }

            // What it is, in a few words: "HTTP 503, Heroku's Application Error page".
            if (State == HealthState.NotHealth && Format is not null)
            {
                return $"HTTP {Status}, {Format}";
            }

            var parts = new List<string> { $"HTTP {Status}" };
            if (ReportedStatus is not null)
            {
                parts.Add($"status \"{ReportedStatus}\"");
            }

            if (Service is not null)
            {
                parts.Add($"service \"{Service}\"");
            }

            if (Version is not null)
            {
                parts.Add(Version.ToString());
            }

            if (Failing.Count > 0)
            {
                parts.Add($"failing: {string.Join(", ", Failing)}");
            }

            var text = string.Join(", ", parts);
            return State == HealthState.NoAnswer && Problem is not null ? $"{text} ({Problem})" : text;
        }
    }
}

/// <summary>What a health body says the service runs, and under which field it said it.</summary>
/// <param name="Field">The field: <c>version</c>, <c>releaseId</c>, <c>build.version</c>, <c>git.commit.id</c>, <c>commit</c>.</param>
/// <param name="Value">Its value (a commit's full id where the body gives one).</param>
public sealed record HealthVersion(string Field, string Value)
{
    /// <summary>
    /// Whether <paramref name="other"/> names the same build: the same value, or, for commits, one id the other's
    /// abbreviation (at least 7 characters).
    /// </summary>
    public bool Matches(HealthVersion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (string.Equals(Value, other.Value, StringComparison.Ordinal))
        {
            return true;
        }

        var (shorter, longer) = Value.Length <= other.Value.Length ? (Value, other.Value) : (other.Value, Value);
        return IsCommit(Field)
            && IsCommit(other.Field)
            && shorter.Length >= 7
            && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the two say the same kind of thing: the same field, or both a commit (<c>git.commit.id</c>, <c>commit</c>).</summary>
    public bool ComparableWith(HealthVersion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Field == other.Field || (IsCommit(Field) && IsCommit(other.Field));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Field} \"{Value}\"";

    private static bool IsCommit(string field) => field is "git.commit.id" or "commit";
}
