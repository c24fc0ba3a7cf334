namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>The raxx repository's <c>.github/workflows/deploy-queue.yml</c>, as the seed describes it (PR #2444).</summary>
public static class DeployWorkflow
{
    /// <summary>The workflow's path in the repository.</summary>
    public const string Path = ".github/workflows/deploy-queue.yml";

    /// <summary>The workflow with the two-input confirm gate.</summary>
    public const string WithConfirmGate = """
        name: deploy-queue

        on:
          push:
            branches: [main]
            paths: ["queue/**"]
          workflow_dispatch:
            inputs:
              target:
                description: "Where to deploy"
                type: choice
                options: [staging, prod]
                default: staging
              confirm:
                description: "Type deploy-prod-now to deploy to prod"
                type: string
                required: false
              ref:
                description: "Git ref to deploy"
                type: string
                default: main

        jobs:
          build-test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with: { ref: "${{ inputs.ref || github.ref }}" }
              - name: Build and test (ASan+UBSan)
                run: cmake --workflow --preset ci-sanitizers

          build-container:
            needs: build-test
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: docker build -t registry.heroku.com/raxx-queue-staging/web:${{ github.sha }} queue

          deploy-staging:
            needs: build-container
            if: github.event_name == 'push' || inputs.target == 'staging'
            runs-on: ubuntu-latest
            steps:
              - run: heroku container:release web --app raxx-queue-staging

          deploy-prod:
            needs: build-container
            if: ${{ github.event_name == 'workflow_dispatch' && inputs.target == 'prod' && inputs.confirm == 'deploy-prod-now' }}
            environment: production
            runs-on: ubuntu-latest
            steps:
              - name: Promote the staging image (no rebuild)
                run: |
                  docker pull registry.heroku.com/raxx-queue-staging/web:${{ github.sha }}
                  docker tag registry.heroku.com/raxx-queue-staging/web:${{ github.sha }} registry.heroku.com/raxx-queue-prod/web
                  docker push registry.heroku.com/raxx-queue-prod/web
                  heroku container:release web --app raxx-queue-prod

          confirm-gate-rejected:
            needs: build-container
            if: github.event.inputs.target == 'prod' && github.event.inputs.confirm != 'deploy-prod-now'
            runs-on: ubuntu-latest
            steps:
              - name: Refuse the prod deploy
                run: |
                  echo "::error::confirm input did not match 'deploy-prod-now'; prod deploy blocked"
                  exit 1
        """;

    /// <summary>
    /// A workflow that deploys prod on every push to main from a job that declares no environment: the reviewers
    /// on <c>production</c> never stand before it, and no phrase is asked for.
    /// </summary>
    public const string DeployOnPush = """
        name: deploy-queue

        on:
          push:
            branches: [main]

        jobs:
          deploy-prod:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Release to prod
                run: heroku container:release web --app raxx-queue-prod
        """;
}
