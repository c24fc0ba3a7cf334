using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Fakes;

/// <summary>A settling scenario moves on by the looks at each resource, whatever the clock says.</summary>
public sealed class SettlingByLooksTests : IDisposable
{
    private readonly FakeWorld fakes = FakeWorld.Start(DeployScenarios.Settling(2));
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_resource_stays_booting_for_its_first_looks_then_serves_the_settled_world()
    {
        var heroku = RealClients.Heroku(fakes);

        var states = new List<string>();
        for (var look = 0; look < 4; look++)
        {
            states.Add((await heroku.GetDynosAsync("raxx-queue-prod", ct)).Single().State);
        }

        states.ShouldBe(["starting", "starting", "up", "up"]);
        fakes.Looks["raxx-queue-prod/dynos"].ShouldBe(4);
    }

    [Fact]
    public async Task Looks_at_one_resource_do_not_move_another()
    {
        var heroku = RealClients.Heroku(fakes);
        for (var look = 0; look < 3; look++)
        {
            await heroku.GetDynosAsync("raxx-queue-prod", ct);
            await heroku.GetDynosAsync("raxx-queue-staging", ct);
        }

        // Prod's router has not been looked at: its first answer is still the booting one.
        using var http = FakesTls.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{fakes.ProdRouter.Port}/health");
        request.Headers.Host = fakes.ProdRouter.Host;
        using var response = await http.SendAsync(request, ct);
        ((int)response.StatusCode).ShouldBe(503);
        fakes.Looks["raxx-queue-prod/router"].ShouldBe(1);
    }

    /// <inheritdoc />
    public void Dispose() => fakes.Dispose();
}
