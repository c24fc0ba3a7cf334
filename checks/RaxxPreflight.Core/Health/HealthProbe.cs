using Flurl.Http;

namespace RaxxPreflight.Health;

/// <summary>
/// Probes a service's health endpoint once, within a timeout, and reads the answer by meaning. Follows no redirect (a
/// redirect is an answer, named for where it points). Never throws for what the endpoint does.
/// </summary>
public sealed class HealthProbe
{
    private const int MaxBodyChars = 4096;

    /// <summary>What the probe asks for: a health format first, then JSON, text, and anything.</summary>
    public const string Accept = "application/health+json, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5";
    private readonly IFlurlClient client;

    /// <summary>Probes through <paramref name="client"/>.</summary>
    public HealthProbe(IFlurlClient client) => this.client = client;

    /// <summary>GETs <paramref name="url"/>, sending <paramref name="headers"/>, and reads what came back.</summary>
    public async Task<HealthReading> ProbeAsync(
        Uri url,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null
    ) => HealthFormats.Read(await AnswerAsync(url, timeout, cancellationToken, headers).ConfigureAwait(false));

    /// <summary>GETs <paramref name="url"/> and keeps what a reading needs: the status, who answered, the body's start.</summary>
    public async Task<HealthAnswer> AnswerAsync(
        Uri url,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null
    )
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            // Asking for JSON first: endpoints that negotiate (django-health-check, Actuator) then answer in their
            // machine-readable form instead of an HTML page; anything is still accepted.
            var request = client
                .Request(url)
                .WithTimeout(timeout)
                .AllowAnyHttpStatus()
                .WithAutoRedirect(false)
                .WithHeader("Accept", Accept);
            foreach (var (name, value) in headers ?? [])
            {
                request = request.WithHeader(name, value);
            }

            using var response = await request.GetAsync(HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.GetStringAsync().ConfigureAwait(false);
            var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in HealthAnswer.KeptHeaders)
            {
                if (response.Headers.TryGetFirst(name, out var value))
                {
                    kept[name] = value;
                }
            }

            var contentType = response.ResponseMessage.Content.Headers.ContentType?.ToString();
            return new HealthAnswer(url, response.StatusCode, contentType, kept, body.Length > MaxBodyChars ? body[..MaxBodyChars] : body);
        }
        catch (FlurlHttpTimeoutException)
        {
            return HealthAnswer.None(url, $"no answer within {timeout.TotalSeconds:0.#}s");
        }
        catch (FlurlHttpException e) when (Http.RemoteResponse.IsCutOff(e))
        {
            return HealthAnswer.None(url, "the answer was cut off before its end", e.StatusCode);
        }
        catch (FlurlHttpException e)
        {
            return HealthAnswer.None(url, $"no answer: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
