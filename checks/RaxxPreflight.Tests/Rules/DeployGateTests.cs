using RaxxPreflight.Configuration;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Rules.Workflows;
using Workflows = RaxxPreflight.Rules.Workflows;

namespace RaxxPreflight.Tests.Rules;

/// <summary>
/// The deploy gate over workflow shapes written from what real deploy workflows do: every trigger kind, every
/// way to state or check the phrase, every form of environment, and what the model refuses to guess.
/// </summary>
public class DeployGateTests
{
    private static readonly GateConfig Gate = new("deploy-prod", "target", "prod", "confirm", "deploy-prod-now");
    private static readonly GateConfig NoJobNamed = Gate with { DeployJob = null, TargetInput = null, TargetValue = null };
    private static readonly EnvironmentProtection Reviewers = new(true, ["required_reviewers"]);
    private static readonly EnvironmentProtection Unprotected = new(true, []);

    private const string Release = "heroku container:release web --app raxx-queue-prod";

    [Fact]
    public void The_seeds_workflow_is_guarded_by_its_phrase_alone_a_warning()
    {
        var judged = Judge(DeployWorkflow.WithConfirmGate, Unprotected);

        judged.Problem.ShouldBeNull();
        judged.Warning.ShouldBe("only the workflow's confirm gate guards prod: the production environment has no protection rules");
        judged
            .Paths.Select(p => p.ToString())
            .ShouldBe(["a manual dispatch -> deploy-prod: deploy-prod's if: requires confirm == 'deploy-prod-now'"]);
        judged.Notes.ShouldContain(
            "confirm-gate-rejected fails the run when confirm is not 'deploy-prod-now', so a wrong phrase shows as a failed run"
        );
        judged.Notes.ShouldContain("a push (to main) cannot run deploy-prod");
    }

    [Fact]
    public void The_seeds_workflow_with_a_required_reviewer_passes()
    {
        var judged = Judge(DeployWorkflow.WithConfirmGate, Reviewers);

        (judged.Problem, judged.Warning).ShouldBe((null, null));
        judged.Paths.ShouldHaveSingleItem().Guard.ShouldBe(PathGuard.Reviewer);
    }

    [Fact]
    public void Reviewers_on_production_do_not_guard_a_deploy_job_that_declares_no_environment()
    {
        var judged = Judge(
            Workflow("push:\n    branches: [main]", "deploy-prod:\n    runs-on: ubuntu-latest\n    steps:\n      - run: " + Release),
            Reviewers
        );

        judged.Problem.ShouldBe("a push (to main) runs deploy-prod, which has no environment and tests no phrase");
        judged.Fixes.ShouldContain(
            "add 'environment: production' to job deploy-prod in .github/workflows/deploy-queue.yml, so that its reviewers stand before it"
        );
        judged.Fixes.ShouldContain(
            "remove the push trigger from the prod deploy: run deploy-prod only on workflow_dispatch (if: github.event_name == 'workflow_dispatch' && inputs.confirm == 'deploy-prod-now')"
        );
    }

    [Theory]
    [InlineData("if: inputs.confirm == 'deploy-prod-now'")]
    [InlineData("if: ${{ inputs.confirm == 'deploy-prod-now' }}")]
    [InlineData("if: \"github.event.inputs.confirm == 'deploy-prod-now'\"")]
    [InlineData("if: github.event_name == 'workflow_dispatch' && github.event.inputs.confirm == 'DEPLOY-PROD-NOW'")]
    [InlineData("if: (inputs.confirm == 'deploy-prod-now') && (github.ref == 'refs/heads/main')")]
    public void A_prod_only_workflow_whose_deploy_job_tests_the_phrase_in_its_if_is_guarded_without_a_target_or_a_rejection_job(
        string condition
    )
    {
        var judged = Judge(
            Workflow(
                Dispatch,
                $"deploy-prod:\n    {condition}\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Unprotected,
            NoJobNamed
        );

        judged.Problem.ShouldBeNull();
        judged.Warning.ShouldBe("only the workflow's confirm gate guards prod: the production environment has no protection rules");
        judged.Paths.ShouldHaveSingleItem().How.ShouldBe("deploy-prod's if: requires confirm == 'deploy-prod-now'");
    }

    [Fact]
    public void A_step_that_fails_without_the_phrase_before_the_deploy_step_guards_it()
    {
        var judged = Judge(
            Workflow(
                Dispatch,
                "deploy-prod:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Check the phrase\n        if: ${{ inputs.confirm != 'deploy-prod-now' }}\n        run: |\n          echo \"::error::wrong phrase\"\n          exit 1\n      - run: "
                    + Release
            ),
            Unprotected
        );

        judged.Warning.ShouldBe("only the workflow's confirm gate guards prod: deploy-prod runs in no environment");
        judged
            .Paths.ShouldHaveSingleItem()
            .How.ShouldBe("deploy-prod's step 'Check the phrase' fails without confirm == 'deploy-prod-now' before it deploys");
    }

    [Theory]
    [InlineData("- if: inputs.confirm != 'deploy-prod-now'\n        run: exit 1")]
    [InlineData(
        "- run: |\n          if [ \"${{ inputs.confirm }}\" != \"deploy-prod-now\" ]; then\n            echo \"refusing\"\n            exit 1\n          fi"
    )]
    [InlineData(
        "- env:\n          CONFIRM: ${{ github.event.inputs.confirm }}\n        run: '[ \"$CONFIRM\" = \"deploy-prod-now\" ] || exit 1'"
    )]
    [InlineData("- run: |\n          if [[ 'deploy-prod-now' != \"${{ inputs.confirm }}\" ]]; then exit 2; fi")]
    public void A_guard_job_the_deploy_job_needs_that_fails_without_the_phrase_guards_it(string guardStep)
    {
        var judged = Judge(
            Workflow(
                Dispatch,
                $"guard:\n    runs-on: ubuntu-latest\n    steps:\n      {guardStep}\n  deploy-prod:\n    needs: guard\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Unprotected
        );

        judged.Problem.ShouldBeNull(string.Join("\n", judged.Paths));
        judged
            .Paths.ShouldHaveSingleItem()
            .How.ShouldBe("deploy-prod needs guard, which fails or is skipped without confirm == 'deploy-prod-now'");
    }

    [Fact]
    public void An_or_with_another_trigger_breaks_the_phrase_check()
    {
        var judged = Judge(
            Workflow(
                "push:\n    branches: [main]\n  " + Dispatch,
                $"deploy-prod:\n    if: github.event_name == 'push' || inputs.confirm == 'deploy-prod-now'\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Unprotected
        );

        judged.Problem.ShouldBe(
            "a push (to main) runs deploy-prod, which runs in the production environment (no protection rules) and tests no phrase"
        );
    }

    [Theory]
    [InlineData("release:\n    types: [published]", "a release")]
    [InlineData("push:\n    tags: ['v*']", "a push (tags v*)")]
    [InlineData("schedule:\n    - cron: '0 3 * * *'", "the schedule")]
    [InlineData("workflow_run:\n    workflows: [CI]\n    types: [completed]", "another workflow's run (CI)")]
    [InlineData("pull_request:\n    branches: [main]", "a pull request (to main)")]
    [InlineData("repository_dispatch:\n    types: [deploy]", "a repository dispatch")]
    public void Every_trigger_that_reaches_an_unguarded_deploy_job_fails_it_by_name(string trigger, string words)
    {
        var judged = Judge(Workflow(trigger, $"deploy-prod:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"), Unprotected);

        judged.Problem.ShouldBe($"{words} runs deploy-prod, which has no environment and tests no phrase");
    }

    [Fact]
    public void A_pull_request_target_to_a_job_with_a_required_reviewer_is_guarded()
    {
        var judged = Judge(
            Workflow(
                "pull_request_target:",
                $"deploy-prod:\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Reviewers
        );

        (judged.Problem, judged.Warning).ShouldBe((null, null));
    }

    [Fact]
    public void A_job_the_config_does_not_name_is_judged_when_its_steps_release_to_prod()
    {
        var judged = Judge(
            Workflow(
                "push:\n    branches: [main]",
                "ship:\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku container:push web -a raxx-queue-prod\n      - run: heroku container:release web -a raxx-queue-prod"
            ),
            Unprotected,
            NoJobNamed
        );

        judged.DeployJobs.ShouldBe(["ship: its step 'heroku container:push web -a raxx-queue-prod' releases to raxx-queue-prod"]);
        judged.Problem.ShouldBe("a push (to main) runs ship, which has no environment and tests no phrase");
    }

    [Theory]
    [InlineData(
        "- uses: akhileshns/heroku-deploy@v3.13.15\n        with:\n          heroku_api_key: ${{ secrets.HEROKU_API_KEY }}\n          heroku_app_name: raxx-queue-prod\n          heroku_email: ops@raxx.app"
    )]
    [InlineData("- run: git push https://heroku:${{ secrets.HEROKU_API_KEY }}@git.heroku.com/raxx-queue-prod.git HEAD:main")]
    [InlineData("- env:\n          HEROKU_APP: raxx-queue-prod\n        run: heroku container:release web")]
    [InlineData("- run: heroku pipelines:promote --app raxx-queue-staging")]
    [InlineData("- run: |\n          heroku container:release web \\\n            --app raxx-queue-prod")]
    [InlineData("- env:\n          PROD_APP: raxx-queue-prod\n        run: heroku container:release web --app \"$PROD_APP\"")]
    [InlineData("- env:\n          PROD_APP: raxx-queue-prod\n        run: heroku container:release web -a ${PROD_APP}")]
    [InlineData("- env:\n          PROD_APP: raxx-queue-prod\n        run: heroku container:release web --app ${{ env.PROD_APP }}")]
    public void Every_common_way_to_release_to_prod_makes_a_deploy_job(string step)
    {
        var judged = Judge(
            Workflow("push:\n    branches: [main]", $"release:\n    runs-on: ubuntu-latest\n    steps:\n      {step}"),
            Unprotected,
            NoJobNamed
        );

        judged.Problem.ShouldBe("a push (to main) runs release, which has no environment and tests no phrase");
    }

    [Fact]
    public void An_environment_given_as_a_mapping_is_compared_case_insensitively()
    {
        var judged = Judge(
            Workflow(
                "push:\n    branches: [main]",
                $"deploy-prod:\n    environment:\n      name: Production\n      url: https://raxx-queue-prod-327fa047b4b6.herokuapp.com\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Reviewers
        );

        (judged.Problem, judged.Warning).ShouldBe((null, null));
        DeployGate
            .GitHubEnvironments([Workflows.Workflow.Parse(DeployWorkflow.WithConfirmGate).JobNamed("deploy-prod")!])
            .ShouldBe(["production"]);
    }

    [Fact]
    public void An_environment_given_by_an_expression_could_not_be_judged()
    {
        var judged = Judge(
            Workflow(
                Dispatch,
                $"deploy-prod:\n    environment: ${{{{ inputs.environment }}}}\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Reviewers
        );

        judged.Problem.ShouldBe(
            "the deploy gate could not be judged: deploy-prod runs in the environment '${{ inputs.environment }}', which depends on how it is started"
        );
    }

    [Fact]
    public void A_deploy_job_that_calls_a_reusable_workflow_could_not_be_judged()
    {
        var judged = Judge(
            Workflow(Dispatch, "deploy-prod:\n    uses: ./.github/workflows/heroku-release.yml\n    secrets: inherit"),
            Unprotected
        );

        judged.Problem.ShouldBe(
            "the deploy gate could not be judged: deploy-prod calls the reusable workflow ./.github/workflows/heroku-release.yml, whose gate cannot be seen from here"
        );
    }

    [Fact]
    public void A_shell_test_of_the_phrase_inside_the_deploy_script_could_not_be_judged()
    {
        var judged = Judge(
            Workflow(
                Dispatch,
                "deploy-prod:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy\n        run: |\n          case \"${{ inputs.confirm }}\" in deploy-prod-now) "
                    + Release
                    + " ;; esac"
            ),
            Unprotected
        );

        judged.Problem.ShouldBe(
            "the deploy gate could not be judged: deploy-prod's step 'Deploy' tests confirm in its own script, which the model does not read"
        );
    }

    [Fact]
    public void A_deploy_job_behind_a_job_that_only_some_triggers_run_is_judged_per_trigger()
    {
        var judged = Judge(
            Workflow(
                "push:\n    branches: [main]\n  " + Dispatch,
                $"build:\n    if: github.event_name == 'workflow_dispatch'\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  deploy-prod:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Unprotected
        );

        judged.Problem.ShouldBe("a manual dispatch runs deploy-prod, which has no environment and tests no phrase");
        judged.Notes.ShouldContain("a push (to main) cannot run deploy-prod");
        judged.Fixes.ShouldContain(
            "add the phrase check to job deploy-prod: if: github.event_name == 'workflow_dispatch' && inputs.confirm == 'deploy-prod-now'"
        );
    }

    [Fact]
    public void A_deploy_job_that_runs_always_is_not_stopped_by_a_failing_guard()
    {
        var judged = Judge(
            Workflow(
                Dispatch,
                $"guard:\n    runs-on: ubuntu-latest\n    steps:\n      - if: inputs.confirm != 'deploy-prod-now'\n        run: exit 1\n  deploy-prod:\n    needs: guard\n    if: always()\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            Unprotected
        );

        judged.Problem.ShouldBe("a manual dispatch runs deploy-prod, which has no environment and tests no phrase");
    }

    [Theory]
    [InlineData(
        "wait_timer",
        "a push (to main) runs deploy-prod, which runs in the production environment (no required reviewer, only wait_timer) and tests no phrase"
    )]
    [InlineData(
        null,
        "the production environment does not exist in raxx-app/TradeMasterAPI: the deploy job's `environment:` creates it unprotected on first use (a push (to main) runs deploy-prod, which tests no phrase)"
    )]
    public void An_environment_without_reviewers_or_that_does_not_exist_guards_nothing(string? rule, string problem)
    {
        var state = rule is null ? new EnvironmentProtection(false, []) : new EnvironmentProtection(true, [rule]);

        var judged = Judge(
            Workflow(
                "push:\n    branches: [main]",
                $"deploy-prod:\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: {Release}"
            ),
            state
        );

        judged.Problem.ShouldBe(problem);
    }

    [Theory]
    [InlineData("- run: heroku container:release web --app raxx-queue-staging")]
    [InlineData("- env:\n          APP: raxx-queue-staging\n        run: heroku container:release web --app \"$APP\"")]
    [InlineData("- run: |\n          heroku container:release web \\\n            --app raxx-queue-staging")]
    // A variable no env sets names no app.
    [InlineData("- run: heroku container:release web --app \"$PROD_APP\"")]
    public void A_workflow_that_deploys_only_staging_could_not_be_judged(string step)
    {
        var judged = Judge(
            Workflow("push:\n    branches: [main]", $"deploy:\n    runs-on: ubuntu-latest\n    steps:\n      {step}"),
            Unprotected
        );

        judged.Problem.ShouldBe(
            "the deploy gate could not be judged: no job of .github/workflows/deploy-queue.yml deploys prod (no job 'deploy-prod', and no step releases to raxx-queue-prod)"
        );
    }

    [Theory]
    [InlineData("jobs:\n  a: [unclosed\n", "it is not valid YAML (line 3")]
    [InlineData("- just\n- a list\n", "it is not a workflow (its top level is not a mapping)")]
    [InlineData("name: x\njobs: {}\n", "it has no 'on:' triggers")]
    public void Text_that_is_not_a_workflow_says_why(string yaml, string problem) =>
        Should.Throw<FormatException>(() => Workflows.Workflow.Parse(yaml)).Message.ShouldStartWith(problem);

    private const string ChoiceDispatch =
        "workflow_dispatch:\n    inputs:\n      environment:\n        type: choice\n        options: [staging, production]\n      confirm:\n        type: string";

    private const string ChoiceJob =
        "deploy:\n    environment: ${{ inputs.environment }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku pipelines:promote --app raxx-queue-staging";

    [Fact]
    public void A_choice_input_environment_is_gated_when_every_option_is_protected()
    {
        var workflow = Workflows.Workflow.Parse(Workflow(ChoiceDispatch, ChoiceJob));
        var jobs = DeployGate.DeployJobs(workflow, NoJobNamed, "raxx-queue-prod").Select(d => d.Job).ToList();
        DeployGate.GitHubEnvironments(jobs, workflow).ShouldBe(["staging", "production"], "each option is read");

        var both = Judge(Workflow(ChoiceDispatch, ChoiceJob), Reviewers, NoJobNamed, staging: Reviewers);
        (both.Problem, both.Warning).ShouldBe((null, null));
        both.Paths.ShouldHaveSingleItem()
            .How.ShouldBe("a reviewer on each environment inputs.environment can name (staging, production) must approve deploy");

        var stagingOpen = Judge(Workflow(ChoiceDispatch, ChoiceJob), Reviewers, NoJobNamed, staging: Unprotected);
        stagingOpen.Problem.ShouldBe(
            "a manual dispatch runs deploy, which runs in the environment inputs.environment names, and its option staging has no protection rules, and tests no phrase"
        );
    }

    [Fact]
    public void A_choice_with_a_fallback_reads_the_fallback_environment_too()
    {
        var workflow = Workflows.Workflow.Parse(
            Workflow(
                ChoiceDispatch + "\n  push:\n    branches: [main]",
                ChoiceJob.Replace(
                    "${{ inputs.environment }}",
                    "${{ github.event.inputs.environment || 'staging' }}",
                    StringComparison.Ordinal
                )
            )
        );

        workflow.Choices(workflow.JobNamed("deploy")!.Environment)!.Value.Options.ShouldBe(["staging", "production"]);
        workflow.Choices("${{ inputs.environment || 'preview' }}")!.Value.Options.ShouldBe(["staging", "production", "preview"]);
        workflow.Choices("${{ inputs.target }}").ShouldBeNull("not a choice input");
    }

    // One job for both stages, the app picked by the input: a push deploys staging, a dispatch either.
    private const string PickedApp = "${{ inputs.environment == 'production' && 'raxx-queue-prod' || 'raxx-queue-staging' }}";

    public static TheoryData<string, string> WaysToPickTheApp =>
        new()
        {
            { "--app expression", $"- run: heroku container:release web --app {PickedApp}" },
            {
                "git remote from an env var",
                $"- env:\n          APP: {PickedApp}\n        run: git push https://heroku:$HEROKU_API_KEY@git.heroku.com/$APP.git HEAD:main"
            },
            { "HEROKU_APP", $"- env:\n          HEROKU_APP: {PickedApp}\n        run: heroku container:release web" },
            {
                "a name with an expression in it",
                "- run: git push https://heroku:$HEROKU_API_KEY@git.heroku.com/raxx-queue-${{ inputs.environment == 'production' && 'prod' || 'staging' }}.git HEAD:main"
            },
            {
                "two expressions in one name",
                "- run: heroku container:release web --app raxx-${{ 'queue' }}-${{ inputs.environment == 'production' && 'prod' || 'staging' }}"
            },
            {
                "format()",
                "- run: heroku container:release web -a ${{ format('raxx-queue-{0}', inputs.environment == 'production' && 'prod' || 'staging') }}"
            },
            {
                "a deploy action through env",
                $"- uses: akhileshns/heroku-deploy@v3.14.15\n        env:\n          APP: {PickedApp}\n        with:\n          heroku_api_key: ${{{{ secrets.HEROKU_API_KEY }}}}\n          heroku_app_name: ${{{{ env.APP }}}}\n          heroku_email: ops@raxx.app\n          dontautocreate: true"
            },
        };

    [Theory]
    [MemberData(nameof(WaysToPickTheApp))]
    public void A_job_that_picks_the_app_by_its_input_deploys_prod_only_from_the_option_that_names_it(string way, string step)
    {
        var yaml = Workflow(
            ChoiceDispatch + "\n  push:\n    branches: [main]",
            $"deploy:\n    environment: ${{{{ inputs.environment || 'staging' }}}}\n    runs-on: ubuntu-latest\n    steps:\n      {step}"
        );

        DeployGate.DeployJobs(Workflows.Workflow.Parse(yaml), NoJobNamed, "raxx-queue-prod").ShouldHaveSingleItem(way);

        // Production needs a reviewer, staging does not: choosing staging releases to staging, a push too.
        var gated = Judge(yaml, Reviewers, NoJobNamed, staging: Unprotected);
        gated.Problem.ShouldBeNull(way);
        gated
            .Paths.ShouldHaveSingleItem(way)
            .How.ShouldBe(
                "a reviewer on each environment inputs.environment names when deploy releases to raxx-queue-prod (production) must approve it",
                way
            );
        gated.Notes.ShouldContain("a push (to main) runs deploy, which does not release to raxx-queue-prod when started so", way);

        var open = Judge(yaml, Unprotected, NoJobNamed, staging: Reviewers);
        open.Problem.ShouldBe(
            "a manual dispatch runs deploy, which runs in the environment inputs.environment names, and its option production has no protection rules, and tests no phrase",
            way
        );
    }

    [Fact]
    public void An_app_named_from_a_choice_inputs_options_deploys_prod_from_the_option_that_names_it()
    {
        var yaml = Workflow(
            "workflow_dispatch:\n    inputs:\n      target:\n        type: choice\n        options: [staging, prod]\n  push:\n    branches: [main]",
            "deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: akhileshns/heroku-deploy@v3.14.15\n        with:\n          heroku_api_key: ${{ secrets.HEROKU_API_KEY }}\n          heroku_app_name: raxx-queue-${{ github.event.inputs.target }}\n          heroku_email: ops@raxx.app"
        );

        DeployGate
            .DeployJobs(Workflows.Workflow.Parse(yaml), NoJobNamed, "raxx-queue-prod")
            .ShouldHaveSingleItem()
            .Why.ShouldBe("its step 'akhileshns/heroku-deploy@v3.14.15' releases to raxx-queue-prod");
        var open = Judge(yaml, Unprotected, NoJobNamed);
        open.Problem.ShouldBe(
            "a manual dispatch runs deploy, which runs in the production environment (no protection rules) and tests no phrase"
        );
        open.Notes.ShouldContain("a push (to main) runs deploy, which does not release to raxx-queue-prod when started so");
        Judge(yaml, Reviewers, NoJobNamed).Problem.ShouldBeNull();
    }

    [Fact]
    public void Without_a_confirm_phrase_in_the_config_the_fixes_ask_for_a_manual_start_and_a_reviewer_only()
    {
        var judged = Judge(
            Workflow(
                "push:\n    branches: [main]\n  workflow_dispatch:",
                "promote-prod:\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku pipelines:promote --app raxx-queue-staging"
            ),
            Unprotected,
            GateConfig.ReviewerOnly
        );

        judged.Problem.ShouldBe(
            "a push (to main) runs promote-prod, which has no environment and tests no phrase (and 1 more unguarded path)"
        );
        judged.Fixes.ShouldBe([
            $"add 'environment: production' to job promote-prod in {DeployWorkflow.Path}, so that its reviewers stand before it",
            "gh api -X PUT repos/raxx-app/TradeMasterAPI/environments/production -F 'reviewers[][type]=User' -F 'reviewers[][id]=<user id>' (or Settings > Environments > production > Required reviewers)",
            "remove the push trigger from the prod deploy: run promote-prod only on workflow_dispatch (if: github.event_name == 'workflow_dispatch')",
        ]);
    }

    [Fact]
    public void A_job_that_releases_to_prod_from_no_option_of_its_input_is_no_path()
    {
        // The options say production; the app's expression asks for 'prod', which no option is.
        var judged = Judge(
            Workflow(
                ChoiceDispatch,
                "deploy:\n    environment: ${{ inputs.environment }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku container:release web --app ${{ inputs.environment == 'prod' && 'raxx-queue-prod' || 'raxx-queue-staging' }}"
            ),
            Unprotected,
            NoJobNamed,
            staging: Unprotected
        );

        judged.Problem.ShouldBeNull();
        judged.Paths.ShouldBeEmpty();
        judged.Notes.ShouldContain(
            "a manual dispatch runs deploy, which does not release to raxx-queue-prod from any option of inputs.environment"
        );
    }

    [Fact]
    public void A_staging_job_with_a_deploy_action_does_not_deploy_prod()
    {
        var yaml = Workflow(
            "push:\n    branches: [main]",
            "deploy-staging:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: akhileshns/heroku-deploy@v3.14.15\n        with:\n          heroku_api_key: ${{ secrets.HEROKU_API_KEY }}\n          heroku_app_name: raxx-queue-staging\n          heroku_email: ${{ secrets.HEROKU_EMAIL }}"
        );

        DeployGate.DeployJobs(Workflows.Workflow.Parse(yaml), NoJobNamed, "raxx-queue-prod").ShouldBeEmpty("a secret names no app");
    }

    [Fact]
    public void A_release_step_that_runs_only_on_dispatch_is_no_path_from_a_push()
    {
        var judged = Judge(
            Workflow(
                Dispatch + "\n  push:\n    branches: [main]",
                $"deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku container:release web --app raxx-queue-staging\n      - name: Release to prod\n        if: github.event_name == 'workflow_dispatch'\n        run: {Release}"
            ),
            Unprotected,
            NoJobNamed
        );

        judged.Problem.ShouldBe("a manual dispatch runs deploy, which has no environment and tests no phrase");
        judged.Notes.ShouldContain("a push (to main) runs deploy, which does not release to raxx-queue-prod when started so");
    }

    [Fact]
    public void A_boolean_input_is_a_checkbox_not_a_confirm_gate()
    {
        var judged = Judge(
            Workflow(
                "workflow_dispatch:\n    inputs:\n      confirm:\n        type: boolean\n        default: false",
                $"deploy-prod:\n    if: inputs.confirm\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          if [ \"${{{{ inputs.confirm }}}}\" != \"deploy-prod-now\" ]; then exit 1; fi\n      - run: {Release}"
            ),
            Unprotected
        );

        judged.Problem.ShouldBe(
            "a manual dispatch runs deploy-prod, which has no environment and tests no phrase (confirm is a boolean input: a checkbox, not a typed confirmation)"
        );
    }

    [Theory]
    [InlineData("[ \"$CONFIRM\" != \"deploy-prod-now\" ] && exit 1")]
    [InlineData("[[ $CONFIRM != 'deploy-prod-now' ]] && { echo \"::error::type deploy-prod-now to deploy\"; exit 1; }")]
    [InlineData("test \"$CONFIRM\" != \"deploy-prod-now\" && exit 2")]
    public void A_phrase_checked_in_a_simple_shell_test_is_read(string check)
    {
        var judged = Judge(
            Workflow(
                Dispatch,
                $"deploy-prod:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          CONFIRM: ${{{{ inputs.confirm }}}}\n        run: |\n          {check}\n      - run: {Release}"
            ),
            Unprotected
        );

        judged.Problem.ShouldBeNull(check);
        judged.Paths.ShouldHaveSingleItem().Guard.ShouldBe(PathGuard.Phrase, check);
    }

    private const string Dispatch = "workflow_dispatch:\n    inputs:\n      confirm:\n        type: string";

    private static string Workflow(string on, string jobs) => $"name: deploy\non:\n  {on}\njobs:\n  {jobs}\n";

    private static GateJudgement Judge(
        string yaml,
        EnvironmentProtection production,
        GateConfig? gate = null,
        EnvironmentProtection? staging = null
    ) =>
        DeployGate.Judge(
            Workflows.Workflow.Parse(yaml),
            gate ?? Gate,
            "raxx-queue-prod",
            DeployWorkflow.Path,
            staging is null
                ? new Dictionary<string, EnvironmentProtection>(StringComparer.OrdinalIgnoreCase) { ["production"] = production }
                : new Dictionary<string, EnvironmentProtection>(StringComparer.OrdinalIgnoreCase)
                {
                    ["production"] = production,
                    ["staging"] = staging,
                },
            "raxx-app/TradeMasterAPI"
        );
}
