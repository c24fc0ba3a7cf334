using System.Text.Json;
using Flurl.Http;

namespace RaxxPreflight.Http;

/// <summary>What a service answered to one GET: status, headers and the body as text.</summary>
/// <param name="Service">The service, as messages name it ("Heroku API").</param>
/// <param name="Request">The request, as messages name it ("GET /apps/x").</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body.</param>
/// <param name="Headers">The response headers.</param>
public sealed record RemoteResponse(
    string Service,
    string Request,
    int Status,
    string Body,
    IReadOnlyList<(string Name, string Value)> Headers
)
{
    /// <summary>The most of a body the checklist reads: an answer larger than this is refused, not read.</summary>
    public const int MaxBody = 8 * 1024 * 1024;

    /// <summary>The serializer options of the JSON APIs read here: snake_case names.</summary>
    public static JsonSerializerOptions SnakeCase { get; } =
        new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
                ApiJson.Default,
                new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()
            ),
        };

    /// <summary>Sends the GET and reads the answer, turning transport failures into one-line errors.</summary>
    /// <exception cref="RemoteServiceException">The service could not be reached or did not answer in time.</exception>
    public static Task<RemoteResponse> GetAsync(IFlurlRequest request, string service, CancellationToken cancellationToken) =>
        SendAsync(request, service, "GET", r => r.GetAsync(HttpCompletionOption.ResponseContentRead, cancellationToken));

    /// <summary>Sends <paramref name="send"/> (the request as <paramref name="verb"/>) and reads the answer, turning transport failures into one-line errors.</summary>
    /// <exception cref="RemoteServiceException">The service could not be reached or did not answer in time.</exception>
    public static async Task<RemoteResponse> SendAsync(
        IFlurlRequest request,
        string service,
        string verb,
        Func<IFlurlRequest, Task<IFlurlResponse>> send
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(send);
        var name = $"{verb} {request.Url.Path}";
        try
        {
            using var response = await send(request.AllowAnyHttpStatus()).ConfigureAwait(false);
            if (response.ResponseMessage.Content.Headers.ContentLength is > MaxBody)
            {
                throw Oversized(service, name, response.StatusCode);
            }

            var body = await response.GetStringAsync().ConfigureAwait(false);
            if (body.Length > MaxBody)
            {
                throw Oversized(service, name, response.StatusCode);
            }

            var headers = response.Headers.Select(h => (h.Name, h.Value)).ToList();
            return new RemoteResponse(service, name, response.StatusCode, body, headers);
        }
        catch (FlurlHttpException e) when (e.InnerException is ReadOnlyViolationException refused)
        {
            // The guard's own refusal says what happened; it is not a network failure.
            throw new ReadOnlyViolationException($"{service}: {refused.Message}", refused);
        }
        catch (FlurlHttpException e) when (e.InnerException is RedirectRefusedException redirected)
        {
            throw new RemoteServiceException(redirected.For(service), e) { StatusCode = e.StatusCode };
        }
        catch (FlurlHttpTimeoutException e)
        {
            throw new RemoteServiceException(
                $"{service} did not answer {name} in time ({request.Url.Host}): check the service's status and run again",
                e
            );
        }
        catch (FlurlHttpException e) when (IsCutOff(e))
        {
            throw CutOff(service, $"{name} ({request.Url.Host})", e);
        }
        catch (FlurlHttpException e)
        {
            throw new RemoteServiceException(
                $"{service} could not be reached for {name} ({request.Url.Host}: {e.InnerException?.Message ?? e.Message}): check the URL and the network",
                e
            );
        }
    }

    /// <summary>The failure of an answer whose body is over <see cref="MaxBody"/>: not read, named as such.</summary>
    internal static RemoteServiceException Oversized(string service, string request, int status) =>
        new(
            $"{service} answered {status} to {request} with a body over {MaxBody / 1024 / 1024} MB, which the checklist does not read: a proxy or a misbehaving API answered, run again later"
        )
        {
            StatusCode = status,
        };

    /// <summary>Whether <paramref name="e"/> is an answer that began and was cut off before the end its length promised.</summary>
    public static bool IsCutOff(Exception? e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            var cut = cause switch
            {
                HttpIOException io => io.HttpRequestError == HttpRequestError.ResponseEnded,
                HttpRequestException => cause.Message.Contains("copying content", StringComparison.Ordinal),
                _ => false,
            };
            if (cut)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The failure of an answer cut off before its end.</summary>
    internal static RemoteServiceException CutOff(string service, string request, Exception inner) =>
        new(
            $"{service} began to answer {request} but the answer was cut off before its end: the connection dropped or a proxy cut it; run again",
            inner
        );

    /// <summary>The first value of a header, if present.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    /// <exception cref="RemoteServiceException">The body is not the JSON expected.</exception>
    public T Json<T>(string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Body, SnakeCase)
                ?? throw new RemoteServiceException(
                    $"{Service} answered {Request} with null where {what} was expected: the API is misbehaving, run again later"
                );
        }
        catch (JsonException e)
        {
            // The parser's message names the path and position only; the body itself may hold secrets.
            throw new RemoteServiceException(
                $"{Service} answered {Status} to {Request} with a body that is not {what} ({e.Path ?? "$"}, line {e.LineNumber + 1}): the API is misbehaving or a proxy answered, run again later",
                e
            )
            {
                StatusCode = Status,
            };
        }
    }
}
