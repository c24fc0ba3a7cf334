using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Rules;

public class ReleaseImageTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 18, 23, 40, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Deployed web (142013fe2b5c)", "142013fe2b5c")]
    [InlineData("Deployed web, worker (142013fe2b5c)", "142013fe2b5c")]
    [InlineData("Deploy 3a38690", null)]
    [InlineData("Set SENTRY_DSN_QUEUE config vars", null)]
    [InlineData("Rollback to v46", null)]
    public void The_image_is_read_only_from_a_container_deploys_description(string description, string? image) =>
        ReleaseImage.Of(Release(6, description, current: true)).ShouldBe(image);

    [Fact]
    public void The_current_release_is_the_newest_marked_current_whatever_order_they_are_listed_in()
    {
        // An API that lists oldest first, or a stale flag left on an older release.
        var releases = new[]
        {
            Release(4, "Deploy a", current: true),
            Release(6, "Deployed web (142013fe2b5c)", current: true),
            Release(5, "Set X config vars", current: false),
        };

        ReleaseImage.Current(releases)!.Version.ShouldBe(6);
        ReleaseImage.Current([.. releases.Reverse()])!.Version.ShouldBe(6);
    }

    [Fact]
    public void Without_a_current_flag_the_newest_release_is_current()
    {
        ReleaseImage.Current([Release(2, "a", current: false), Release(3, "b", current: false)])!.Version.ShouldBe(3);
        ReleaseImage.Current([]).ShouldBeNull();
    }

    [Fact]
    public void The_newest_deploy_is_the_newest_succeeded_container_release_not_the_first_listed()
    {
        var releases = new[]
        {
            Release(7, "Deployed web (aaaaaaaaaaaa)", current: true) with
            {
                Status = "failed",
            },
            Release(5, "Deployed web (bbbbbbbbbbbb)", current: false),
            Release(6, "Deployed web (cccccccccccc)", current: false),
        };

        ReleaseImage.Of(ReleaseImage.NewestDeploy(releases)!).ShouldBe("cccccccccccc");
    }

    private static HerokuRelease Release(int version, string description, bool current) =>
        new($"r{version}", version, description, "succeeded", current, At.AddMinutes(version));
}
