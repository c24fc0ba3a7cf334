using RaxxPreflight.Heroku;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Rules;

public class PrimaryDatabaseTests
{
    private const string Service = "heroku-postgresql";
    private static readonly HerokuAddon Primary = Addon("postgresql-flat-88052", "heroku-postgresql:essential-0");
    private static readonly HerokuAddon Leftover = Addon("postgresql-leftover-72200", "heroku-postgresql:standard-0");
    private static readonly HerokuAttachment[] Attachments = [Attach("DATABASE", Primary), Attach("HEROKU_POSTGRESQL_ORANGE", Leftover)];

    [Fact]
    public void The_primary_is_the_add_on_attached_as_DATABASE_whichever_is_listed_first()
    {
        foreach (var addons in new[] { new[] { Primary, Leftover }, [Leftover, Primary] })
        {
            var found = PrimaryDatabase.Find(addons, Attachments, Service);

            found.Primary.ShouldBe(Primary);
            found.Problem.ShouldBeNull();
            found.OthersInWords.ShouldBe([
                "postgresql-leftover-72200 on heroku-postgresql:standard-0, attached as HEROKU_POSTGRESQL_ORANGE",
            ]);
        }
    }

    [Fact]
    public void An_add_on_attached_as_DATABASE_matches_by_id_even_when_its_name_is_not_given()
    {
        var found = PrimaryDatabase.Find(
            [Leftover, Primary],
            [new HerokuAttachment("DATABASE", null, new HerokuAddonRef(Primary.Id, null))],
            Service
        );

        found.Primary.ShouldBe(Primary);
        found.OthersInWords.ShouldBe(["postgresql-leftover-72200 on heroku-postgresql:standard-0, not attached"]);
    }

    [Fact]
    public void No_add_on_attached_as_DATABASE_is_a_problem_never_a_silent_pick()
    {
        var found = PrimaryDatabase.Find([Primary, Leftover], [Attach("HEROKU_POSTGRESQL_ORANGE", Leftover)], Service);

        found.Primary.ShouldBeNull();
        found.Problem.ShouldBe("none of its 2 heroku-postgresql add-ons is attached as DATABASE");
        found.Others.Count.ShouldBe(2);
    }

    [Fact]
    public void Two_add_ons_attached_as_DATABASE_is_a_misconfiguration_never_a_pick()
    {
        var found = PrimaryDatabase.Find([Primary, Leftover], [Attach("DATABASE", Primary), Attach("DATABASE", Leftover)], Service);

        found.Primary.ShouldBeNull();
        found.Problem.ShouldBe(
            "2 heroku-postgresql add-ons are attached as DATABASE (postgresql-flat-88052, postgresql-leftover-72200): a misconfiguration, not a pick"
        );
    }

    [Fact]
    public void A_namespaced_or_deprovisioned_attachment_is_not_the_primary()
    {
        var gone = Primary with { State = "deprovisioned" };
        var found = PrimaryDatabase.Find(
            [gone, Leftover],
            [Attach("DATABASE", gone), new HerokuAttachment("DATABASE", "role:analytics", new HerokuAddonRef(Leftover.Id, Leftover.Name))],
            Service
        );

        found.Primary.ShouldBeNull();
        found.Problem.ShouldBe("none of its 1 heroku-postgresql add-on is attached as DATABASE");
        found.OthersInWords.ShouldBe(["postgresql-leftover-72200 on heroku-postgresql:standard-0, attached as DATABASE (role:analytics)"]);
    }

    [Fact]
    public void An_app_without_the_service_says_so()
    {
        var papertrail = new HerokuAddon(
            "papertrail-x",
            "provisioned",
            new HerokuNamed("papertrail"),
            new HerokuNamed("papertrail:choklad"),
            "p"
        );

        PrimaryDatabase.Find([papertrail], [], Service).Problem.ShouldBe("no heroku-postgresql add-on at all");
    }

    private static HerokuAddon Addon(string name, string plan) =>
        new(name, "provisioned", new HerokuNamed(Service), new HerokuNamed(plan), $"id-{name}");

    private static HerokuAttachment Attach(string name, HerokuAddon addon) => new(name, null, new HerokuAddonRef(addon.Id, addon.Name));
}
