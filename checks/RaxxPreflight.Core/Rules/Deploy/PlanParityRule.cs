namespace RaxxPreflight.Rules.Deploy;

/// <summary>
/// <c>postgres-plan-parity</c>'s judgement: prod's database (the add-on attached as DATABASE) is on staging's plan.
/// Other Postgres add-ons (followers, analytics) are named, never compared.
/// </summary>
public static class PlanParityRule
{
    /// <summary>Rules on the two apps' primary databases.</summary>
    public static Ruling Judge(PrimaryDatabase staging, PrimaryDatabase prod, string stagingApp, string prodApp)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        var others = staging
            .OthersInWords.Select(o => $"staging also has {o}: not compared")
            .Concat(prod.OthersInWords.Select(o => $"prod also has {o}: not compared"))
            .ToList();
        if (staging.Primary is null)
        {
            return Ruling.Fails(
                $"staging ({stagingApp}) has no database to compare prod's with: {staging.Problem}",
                others,
                [$"heroku addons --app {stagingApp}", $"heroku addons:attach <add-on> --as {PrimaryDatabase.Attachment} --app {stagingApp}"]
            );
        }

        var plan = PrimaryDatabase.Plan(staging.Primary);
        if (prod.Primary is null)
        {
            return Ruling.Fails(
                $"prod ({prodApp}) has no database to compare with staging's {plan}: {prod.Problem}",
                [$"staging: {staging.Primary.Name} on {plan}, attached as {PrimaryDatabase.Attachment}", .. others],
                [
                    $"heroku addons --app {prodApp}",
                    prod.Others.Count == 0
                        ? $"heroku addons:create {plan} --app {prodApp}"
                        : $"heroku addons:attach <add-on> --as {PrimaryDatabase.Attachment} --app {prodApp}",
                ]
            );
        }

        var prodPlan = PrimaryDatabase.Plan(prod.Primary);
        if (!string.Equals(prodPlan, plan, StringComparison.Ordinal))
        {
            // The finding is about prod's database, by its add-on name: what a waiver during a planned migration names.
            return Ruling.HasFindings(
                [
                    new Finding(
                        prod.Primary.Name,
                        $"prod's database is on {prodPlan}, staging's ({staging.Primary.Name}) on {plan}",
                        $"heroku addons:upgrade {prod.Primary.Name} {plan} --app {prodApp}"
                    ),
                ],
                $"prod's database ({prod.Primary.Name}) is on {prodPlan}, staging's ({staging.Primary.Name}) on {plan}",
                [$"staging: {staging.Primary.Name} on {plan}", $"prod: {prod.Primary.Name} on {prodPlan}", .. others]
            );
        }

        return Ruling.Holds(
            others.Count > 0
                ? $"prod's {prod.Primary.Name} and staging's {staging.Primary.Name} are both on {plan}; {string.Join("; ", others)}"
                : null
        );
    }
}
