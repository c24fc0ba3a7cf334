using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;

namespace RaxxPreflight.Rules.Deploy;

/// <summary>Prod's formation: the configured process type runs at least the configured quantity, on the configured size.</summary>
public static class FormationRule
{
    /// <summary>The formation in words: <c>web=1:Standard-1X</c>, or <c>no formation at all</c>.</summary>
    public static string Describe(IReadOnlyList<HerokuFormation> formation)
    {
        ArgumentNullException.ThrowIfNull(formation);
        return formation.Count == 0 ? "no formation at all" : string.Join(", ", formation.Select(f => $"{f.Type}={f.Quantity}:{f.Size}"));
    }

    /// <summary>What is wrong with <paramref name="formation"/> against <paramref name="post"/>; empty when it holds.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<HerokuFormation> formation, PostDeployConfig post)
    {
        ArgumentNullException.ThrowIfNull(formation);
        ArgumentNullException.ThrowIfNull(post);

        // Heroku keeps one formation entry per process type.
        var web = formation.FirstOrDefault(f => f.Type == post.ProcessType);
        if (web is null)
        {
            return [$"prod has no {post.ProcessType} process in its formation"];
        }

        var problems = new List<string>();
        if (web.Quantity < post.Quantity)
        {
            problems.Add(
                $"{post.ProcessType} runs {web.Quantity} dyno{(web.Quantity == 1 ? string.Empty : "s")}, at least {post.Quantity} expected"
            );
        }

        if (post.Size is not null && !string.Equals(web.Size, post.Size, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{post.ProcessType} runs on {web.Size}, {post.Size} expected");
        }

        return problems;
    }

    /// <summary>The <c>heroku ps:scale</c> line that sets the configured formation.</summary>
    public static string Scale(PostDeployConfig post, string app)
    {
        ArgumentNullException.ThrowIfNull(post);
        return $"heroku ps:scale {post.ProcessType}={post.Quantity}{(post.Size is null ? string.Empty : ":" + post.Size)} --app {app}";
    }
}
