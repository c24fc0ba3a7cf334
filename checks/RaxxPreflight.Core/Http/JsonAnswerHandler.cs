namespace RaxxPreflight.Http;

/// <summary>
/// Refuses a success whose body is not JSON where JSON was asked for (a proxy's sign-in page, an empty body), so
/// that the item fails naming what came back instead of reading it as an empty answer.
/// </summary>
/// <param name="inner">The rest of the pipeline.</param>
/// <param name="service">How messages name the service.</param>
public sealed class JsonAnswerHandler(HttpMessageHandler inner, string service) : DelegatingHandler(inner)
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var wantsJson = request.Headers.Accept.Any(a => a.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
        var type = response.Content.Headers.ContentType?.MediaType;
        var name = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        if (
            response.Content.Headers.ContentLength is > RemoteResponse.MaxBody
            || !await FitsAsync(response, service, name, cancellationToken).ConfigureAwait(false)
        )
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw RemoteResponse.Oversized(service, name, status);
        }

        if (!wantsJson || !response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return response;
        }

        if (type is null || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new RemoteServiceException(
                $"{service} answered {status} to {request.Method} {request.RequestUri?.AbsolutePath} with {type ?? "no content type"} where JSON was due: a proxy or a sign-in page answered; check the API URL and run again"
            )
            {
                StatusCode = status,
            };
        }

        return response;
    }

    // Reads the body into memory up to the cap: a body without a length that runs past it is refused, not read;
    // a body cut off before its end is named as such.
    private static async Task<bool> FitsAsync(
        HttpResponseMessage response,
        string service,
        string request,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(RemoteResponse.MaxBody, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException e) when (RemoteResponse.IsCutOff(e))
        {
            response.Dispose();
            throw RemoteResponse.CutOff(service, request, e);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
