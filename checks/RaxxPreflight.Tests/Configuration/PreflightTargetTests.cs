using RaxxPreflight.Configuration;

namespace RaxxPreflight.Tests.Configuration;

public class PreflightTargetTests
{
    private static readonly string[] Scenarios = ["blocked", "ready"];

    [Fact]
    public void Live_and_a_known_scenario_are_targets()
    {
        PreflightTarget.Parse("live", Scenarios).IsLive.ShouldBeTrue();
        PreflightTarget.Parse(" fakes:ready ", Scenarios).Scenario.ShouldBe("ready");
    }

    [Theory]
    [InlineData(null, "PREFLIGHT_TARGET is not set, so nothing was checked")]
    [InlineData("", "PREFLIGHT_TARGET is not set, so nothing was checked")]
    [InlineData("fakes:nope", "PREFLIGHT_TARGET=fakes:nope names no known scenario")]
    [InlineData("prod", "PREFLIGHT_TARGET=prod is not a target")]
    public void Anything_else_fails_saying_what_to_set(string? value, string expected)
    {
        var error = Should.Throw<PreflightConfigException>(() => PreflightTarget.Parse(value, Scenarios));

        error.Message.ShouldStartWith(expected);
        error.Message.ShouldContain(
            "PREFLIGHT_TARGET=live (with HEROKU_API_KEY and GITHUB_TOKEN) or PREFLIGHT_TARGET=fakes:<scenario> (blocked, ready)"
        );
    }
}
