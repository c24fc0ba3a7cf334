namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>
/// The deploy workflows of Raxx's other services in <c>raxx-app/TradeMasterAPI</c>, as their runbooks describe them:
/// a push to main deploys staging, a manual dispatch promotes staging's slug to prod through the pipeline.
/// </summary>
public static class FleetWorkflows
{
    /// <summary>raxx-api's workflow (the Raptor Flask app).</summary>
    public const string ApiPath = ".github/workflows/deploy-heroku.yml";

    /// <summary>raxx-console's workflow.</summary>
    public const string ConsolePath = ".github/workflows/deploy-console.yml";

    /// <summary>raxx-velvet's workflow.</summary>
    public const string VelvetPath = ".github/workflows/deploy-velvet.yml";

    /// <summary>A slug app's workflow: push to main builds staging; a dispatch with environment=production promotes it.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="pipeline">The service's pipeline (its apps are PIPELINE-staging and PIPELINE-prod).</param>
    /// <param name="prodOnPush">True for the broken variant: the promote job also runs on every push, with no environment.</param>
    public static string SlugDeploy(string name, string pipeline, bool prodOnPush = false) =>
        $$$"""
        name: {{{name}}}

        on:
          push:
            branches: [main]
          workflow_dispatch:
            inputs:
              environment:
                description: "Where to deploy"
                type: choice
                options: [staging, production]
                default: staging

        concurrency: {{{name}}}

        jobs:
          deploy-staging:
            if: github.event_name == 'push' || inputs.environment == 'staging'
            runs-on: ubuntu-latest
            environment: staging
            steps:
              - uses: actions/checkout@v4
                with: { fetch-depth: 0 }
              - name: Push to Heroku (builds the slug)
                env:
                  HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}
                run: git push https://heroku:$HEROKU_API_KEY@git.heroku.com/{{{pipeline}}}-staging.git HEAD:main

          promote-prod:
        {{{(prodOnPush
            ? "    if: github.event_name == 'push' || inputs.environment == 'production'\n    runs-on: ubuntu-latest"
            : "    if: github.event_name == 'workflow_dispatch' && inputs.environment == 'production'\n    runs-on: ubuntu-latest\n    environment: production")}}}
            steps:
              - name: Promote staging's slug to prod
                env:
                  HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}
                run: heroku pipelines:promote --app {{{pipeline}}}-staging --to {{{pipeline}}}-prod
        """;
}
