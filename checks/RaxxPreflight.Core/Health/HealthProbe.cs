using System.Text.Json;
using Flurl.Http;
using RaxxPreflight.Http;

namespace RaxxPreflight.Health;

/// <summary>Probes a service's health endpoint once, within a timeout. Never throws for what the endpoint does.</summary>
public sealed class HealthProbe
{
    private const int MaxBodyChars = 4096;
    private readonly IFlurlClient client;

    /// <summary>Probes through <paramref name="client"/>.</summary>
    public HealthProbe(IFlurlClient client) => this.client = client;

    /// <summary>GETs <paramref name="url"/> and reads its JSON.</summary>
    public async Task<HealthReading> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            using var response = await client
                .Request(url)
                .WithTimeout(timeout)
                .AllowAnyHttpStatus()
                .GetAsync(HttpCompletionOption.ResponseContentRead, cancellationToken)
                .ConfigureAwait(false);
            var body = await response.GetStringAsync().ConfigureAwait(false);
            return Read(url, response.StatusCode, body.Length > MaxBodyChars ? body[..MaxBodyChars] : body);
        }
        catch (FlurlHttpTimeoutException)
        {
            return new HealthReading(url, null, null, null, null, $"no answer within {timeout.TotalSeconds:0.#}s");
        }
        catch (FlurlHttpException e) when (Http.RemoteResponse.IsCutOff(e))
        {
            return new HealthReading(url, e.StatusCode, null, null, null, "the answer was cut off before its end");
        }
        catch (FlurlHttpException e)
        {
            return new HealthReading(url, null, null, null, null, $"no answer: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static HealthReading Read(Uri url, int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? new HealthReading(url, status, null, null, null, "the body is JSON but not an object")
                : new HealthReading(
                    url,
                    status,
                    JsonText.Of(root, "status"),
                    JsonText.Of(root, "service"),
                    JsonText.Of(root, "version"),
                    null
                );
        }
        catch (JsonException)
        {
            return new HealthReading(url, status, null, null, null, "the body is not JSON");
        }
    }
}
