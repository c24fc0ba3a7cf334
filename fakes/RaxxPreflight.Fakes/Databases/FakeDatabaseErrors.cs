namespace RaxxPreflight.Fakes.Databases;

/// <summary>Why the fakes' databases could not be had, in one line that says what to do.</summary>
internal static class FakeDatabaseErrors
{
    public static string Describe(Exception e, FakeDatabaseOptions databases)
    {
        var chain = new List<Exception>();
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
        {
            chain.Add(cause);
            if (cause is AggregateException aggregate)
            {
                chain.AddRange(aggregate.InnerExceptions);
            }
        }

        var what = chain[^1].Message.Split('\n', 2)[0].Trim();
        var noEngine =
            databases.ExistingServer is null
            && chain.Any(c =>
                c.GetType().Name.Contains("DockerUnavailable", StringComparison.Ordinal)
                || c is HttpRequestException or System.Net.Sockets.SocketException
            );
        if (noEngine)
        {
            return $"the fakes' databases need a Docker engine, and none answered ({what}): start one (eval \"$(.ci/docker.sh start)\" sets it up and prints what to export)";
        }

        return chain.Any(c => c.GetType().Name.Contains("ImageNotFound", StringComparison.Ordinal))
            ? $"the fakes' database image {databases.Image} is not on this engine ({what}): build it with .ci/docker.sh start, or pull it"
            : $"the fakes' database server did not start ({(databases.ExistingServer is null ? $"image {databases.Image}" : "PREFLIGHT_FAKES_POSTGRES")}: {what})";
    }
}
