namespace RaxxPreflight.Secrets;

/// <summary>
/// Scrubs secrets out of text that came from elsewhere (an API's error body, an exception message, a log line):
/// first every value the run has read (config vars, its own credentials), then every secret-shaped part it never
/// read (<see cref="SecretPatterns"/>), each replaced with its masked form. Thread-safe.
/// </summary>
public sealed class Redactor
{
    private const int MinSecretLength = 6;
    private readonly Lock gate = new();
    private readonly HashSet<string> secrets = new(StringComparer.Ordinal);

    /// <summary>Remembers a secret so that <see cref="Scrub"/> removes it.</summary>
    public void Remember(SecretValue? secret)
    {
        if (secret is null || secret.Length < MinSecretLength)
        {
            return;
        }

        lock (gate)
        {
            secrets.Add(secret.Reveal());
        }
    }

    /// <summary>The text with every remembered secret masked.</summary>
    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string[] known;
        lock (gate)
        {
            known = [.. secrets.OrderByDescending(s => s.Length)];
        }

        foreach (var secret in known)
        {
            text = text.Replace(secret, SecretMask.Mask(secret), StringComparison.Ordinal);
        }

        return SecretPatterns.Mask(text);
    }
}
