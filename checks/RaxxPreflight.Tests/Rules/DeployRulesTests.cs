using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules.Deploy;
using RaxxPreflight.Settling;

namespace RaxxPreflight.Tests.Rules;

/// <summary>The post-deploy judgements, owned by rules: releases, dynos, formation.</summary>
public class DeployRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 18, 23, 40, 0, TimeSpan.Zero);
    private static readonly PostDeployConfig Post = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5), "web", 2, "Standard-1X", 1500);

    [Theory]
    [InlineData("succeeded", "Deployed web (142013fe2b5c)", JudgementKind.Holds, null)]
    [InlineData("pending", "Deployed web (142013fe2b5c)", JudgementKind.NotYet, "v6 is still pending")]
    [InlineData("failed", "Deployed web (142013fe2b5c)", JudgementKind.Terminal, "v6 'Deployed web (142013fe2b5c)' failed")]
    [InlineData(
        "succeeded",
        "Deployed web (9b1f0c3d7a2e)",
        JudgementKind.Terminal,
        "v6 runs image 9b1f0c3d7a2e, but staging's newest deploy is 142013fe2b5c: the image was rebuilt, not promoted"
    )]
    [InlineData(
        "succeeded",
        "Set X config vars",
        JudgementKind.NotYet,
        "the current release v6 is 'Set X config vars', not a container deploy"
    )]
    public void A_release_holds_only_as_a_succeeded_deploy_of_stagings_image(
        string status,
        string description,
        JudgementKind kind,
        string? problem
    )
    {
        var judged = ReleaseRule.Judge(
            [
                new HerokuRelease("r5", 5, "Deployed web (0a9d3c6e1f47)", "succeeded", false, At),
                new HerokuRelease("r6", 6, description, status, true, At),
            ],
            "142013fe2b5c"
        );

        (judged.Kind, judged.Problem).ShouldBe((kind, problem));
    }

    [Fact]
    public void A_prod_whose_releases_only_ever_set_config_vars_has_never_had_a_build_and_says_so_by_name()
    {
        var configOnly = Enumerable
            .Range(1, 7)
            .Select(v => new HerokuRelease(
                $"r{v}",
                v,
                v == 1 ? "Initial release" : "Set WEBAUTHN_RP_ID config vars",
                "succeeded",
                v == 7,
                At
            ))
            .ToList();

        var judged = ReleaseRule.Judge(configOnly, "142013fe2b5c", "raxx-api-prod");

        (judged.Kind, judged.Problem).ShouldBe(
            (JudgementKind.NotYet, "raxx-api-prod has never had a build released: its 7 releases only set config vars")
        );

        // A slug build counts as one: then the newest release is judged as before.
        var slugBuilt = configOnly
            .Select(r => r.Version == 3 ? r with { Description = "Deploy 1a2b3c4d", Slug = new HerokuSlugRef("9e1b") } : r)
            .ToList();
        ReleaseRule
            .Judge(slugBuilt, "142013fe2b5c", "raxx-api-prod")
            .Problem.ShouldBe("the current release v7 is 'Set WEBAUTHN_RP_ID config vars', not a container deploy");
    }

    [Fact]
    public void A_crashed_web_dyno_is_final_a_starting_one_is_waited_for_and_other_releases_dynos_do_not_count()
    {
        var current = new HerokuRelease("r6", 6, "Deployed web (142013fe2b5c)", "succeeded", true, At);
        HerokuDyno Dyno(string name, string state, int release) => new(name, "web", state, new HerokuReleaseRef(null, release), At);

        var old = DynoRule.WebDynos([current], [Dyno("web.1", "crashed", 5), Dyno("web.2", "starting", 6)], "web");

        old.Select(d => d.Name).ShouldBe(["web.2"]);
        DynoRule.Judge(old, "web", current).ShouldBe(Judgement.NotYet("web.2 is starting"));
        DynoRule.Judge([Dyno("web.1", "crashed", 6)], "web", current).ShouldBe(Judgement.Terminal("web.1 crashed"));
        DynoRule.Judge([], "web", current).ShouldBe(Judgement.NotYet("no web dyno runs v6"));
    }

    [Fact]
    public void A_formation_names_every_way_it_falls_short_and_the_command_that_sets_it()
    {
        FormationRule.Problems([], Post).ShouldBe(["prod has no web process in its formation"]);
        FormationRule
            .Problems([new HerokuFormation("web", 1, "Basic"), new HerokuFormation("worker", 3, "Standard-1X")], Post)
            .ShouldBe(["web runs 1 dyno, at least 2 expected", "web runs on Basic, Standard-1X expected"]);
        FormationRule.Problems([new HerokuFormation("web", 2, "standard-1x")], Post).ShouldBeEmpty();
        FormationRule.Scale(Post, "raxx-queue-prod").ShouldBe("heroku ps:scale web=2:Standard-1X --app raxx-queue-prod");
        FormationRule.Describe([new HerokuFormation("web", 2, "Standard-1X")]).ShouldBe("web=2:Standard-1X");
    }
}
