using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>Small helpers shared by the fakes: reading request headers and writing exact answers.</summary>
internal static class FakeHttp
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public static string? Query(IRequestMessage request, string name) =>
        request.Query?.FirstOrDefault(q => string.Equals(q.Key, name, StringComparison.Ordinal)).Value?.FirstOrDefault();

    public static ResponseMessage Answer(int status, string contentType, string body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData
            {
                BodyAsString = body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Json);

    /// <summary>
    /// A GET's entity tag, as both real APIs send one on a 200 (<paramref name="weak"/>: GitHub's <c>W/"..."</c>), and
    /// the status to answer: 304 with no body when the request's <c>If-None-Match</c> names it (or <c>*</c>).
    /// </summary>
    public static (int Status, string Body, string? ETag) Conditional(IRequestMessage request, int status, string body, bool weak)
    {
        if (status != 200 || !string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return (status, body, null);
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32];
        var etag = weak ? $"W/\"{hash}\"" : $"\"{hash}\"";
        var tags = (Header(request, "If-None-Match") ?? string.Empty).Split(
            ',',
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
        );
        var matched = tags.Any(t => t == "*" || string.Equals(Opaque(t), Opaque(etag), StringComparison.Ordinal));
        return matched ? (304, string.Empty, etag) : (status, body, etag);
    }

    // If-None-Match compares weakly: W/"x" and "x" are the same tag.
    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
