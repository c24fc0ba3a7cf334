using System.Text.RegularExpressions;
using RaxxPreflight.Rules.Logs;

namespace RaxxPreflight.Tests.Rules;

/// <summary>
/// The startup log rule over real-shaped lines, written from the public formats: Heroku's log format and error
/// codes, and what Python, Java, .NET, Go, Node, C++ and their loggers print.
/// </summary>
public class StartupLogRuleTests
{
    private static readonly DateTimeOffset Release = new(2026, 5, 18, 23, 40, 0, TimeSpan.Zero);

    [Theory]
    // The platform's own signals.
    [InlineData(
        "heroku[router]",
        "at=error code=H10 desc=\"App crashed\" method=GET path=\"/\" host=raxx-queue-prod-327fa047b4b6.herokuapp.com request_id=5b1e0c2a-1f3b-4e43-9a55-5c8f0e4f2d11 fwd=\"203.0.113.7\" dyno= connect= service= status=503 bytes= protocol=https",
        "router H10: App crashed"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H12 desc=\"Request timeout\" method=GET path=\"/health\" host=raxx-queue-prod-327fa047b4b6.herokuapp.com request_id=9d3c dyno=web.1 connect=1ms service=30000ms status=503 bytes=0 protocol=https",
        "router H12: Request timeout"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H13 desc=\"Connection closed without response\" method=POST path=\"/jobs\" host=x.herokuapp.com dyno=web.2 connect=0ms service=12ms status=503 bytes=0",
        "router H13: Connection closed without response"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H14 desc=\"No web dynos running\" method=GET path=\"/health\" host=x.herokuapp.com fwd=\"203.0.113.7\" dyno= connect= service= status=503 bytes=",
        "router H14: No web dynos running"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H20 desc=\"App boot timeout\" method=GET path=\"/\" host=x.herokuapp.com dyno= status=503",
        "router H20: App boot timeout"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H18 desc=\"Server Request Interrupted\" method=POST path=\"/jobs\" host=x.herokuapp.com dyno=web.1 connect=1ms service=40ms status=503 bytes= sock=backend",
        "router H18: Server Request Interrupted"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H19 desc=\"Backend connection timeout\" method=GET path=\"/health\" host=x.herokuapp.com dyno=web.1 connect=5001ms service= status=503 bytes=",
        "router H19: Backend connection timeout"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H81 desc=\"Blank app\" method=GET path=\"/health\" host=raxx-api-prod-a60a19e5efbf.herokuapp.com fwd=\"203.0.113.7\" dyno= connect= service= status=502 bytes= protocol=https",
        "router H81: Blank app"
    )]
    [InlineData(
        "heroku[router]",
        "at=error code=H27 desc=\"Client Request Interrupted\" method=POST path=\"/jobs\" host=x.herokuapp.com dyno=web.1 connect=0ms service=8ms status=499 bytes=",
        null
    )]
    [InlineData("heroku[web.1]", "Process exited with status 1", "exit status 1")]
    [InlineData("heroku[web.1]", "Process exited with status 139", "exit status 139")]
    [InlineData("heroku[web.1]", "State changed from starting to crashed", "crashed")]
    [InlineData(
        "heroku[web.1]",
        "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch",
        "R10: Boot timeout"
    )]
    [InlineData("heroku[web.1]", "Error R14 (Memory quota exceeded)", "R14: Memory quota exceeded")]
    // Levels as words, letters, numbers, JSON and key=value, whatever the logger.
    [InlineData("app[web.1]", "ERROR raptor handshake refused (401)", "ERROR-level line")]
    [InlineData("app[web.1]", "[2026-05-18 23:40:05 +0000] [4] [ERROR] Exception in worker process", "ERROR-level line")]
    [InlineData("app[web.1]", "2026-05-18 23:40:05,123 ERROR queue.worker: cannot reach redis", "ERROR-level line")]
    [InlineData(
        "app[web.1]",
        "2026-05-18 23:40:05.123 ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed",
        "ERROR-level line"
    )]
    [InlineData("app[web.1]", "23:40:05.123 [main] ERROR com.raxx.queue.App - startup failed", "ERROR-level line")]
    [InlineData(
        "app[web.1]",
        "2026/05/18 23:40:05 [error] 12#12: *1 connect() failed (111: Connection refused) while connecting to upstream",
        "ERROR-level line"
    )]
    [InlineData(
        "app[web.1]",
        "E, [2026-05-18T23:40:05.123456 #4] ERROR -- : PG::ConnectionBad: could not connect to server",
        "ERROR-level line"
    )]
    [InlineData("app[web.1]", "F, [2026-05-18T23:40:05.123456 #4] FATAL -- : Errno::EADDRINUSE", "FATAL-level line")]
    [InlineData("app[web.1]", "fail: Microsoft.AspNetCore.Server.Kestrel[13]", "ERROR-level line")]
    [InlineData("app[web.1]", "crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]", "FATAL-level line")]
    [InlineData("app[web.1]", "E1129 02:04:32.123456      12 server.go:42] failed to connect to database", "ERROR-level line")]
    [InlineData(
        "app[web.1]",
        "F1129 02:04:32.123456      12 main.go:20] cannot start: listen tcp :8080: bind: address already in use",
        "FATAL-level line"
    )]
    [InlineData(
        "app[web.1]",
        "{\"level\":50,\"time\":1763000000000,\"pid\":7,\"hostname\":\"web.1\",\"msg\":\"listen EADDRINUSE: address already in use :::41982\"}",
        "ERROR-level line"
    )]
    [InlineData("app[web.1]", "{\"level\":60,\"time\":1763000000000,\"msg\":\"uncaught\"}", "FATAL-level line")]
    [InlineData("app[web.1]", "{\"severity\":\"ERROR\",\"message\":\"db down\",\"logging.googleapis.com/labels\":{}}", "ERROR-level line")]
    [InlineData("app[web.1]", "{\"@t\":\"2026-05-18T23:40:05Z\",\"@l\":\"Error\",\"@mt\":\"Queue {Name} failed\"}", "ERROR-level line")]
    [InlineData("app[web.1]", "{\"lvl\":\"eror\",\"msg\":\"cannot open store\"}", "ERROR-level line")]
    [InlineData("app[web.1]", "time=\"2026-05-18T23:40:05Z\" level=error msg=\"cannot reach redis\"", "ERROR-level line")]
    [InlineData("app[web.1]", "<11>1 2026-05-18T23:40:05Z web.1 queue 7 - - db down", "ERROR-level line")]
    [InlineData("app[web.1]", "\u001b[31mERROR\u001b[0m worker crashed", "ERROR-level line")]
    [InlineData("app[web-58d8c5b96b-jw9k4]", "ERROR cannot bind to $PORT", "ERROR-level line")]
    // Failures that never give a level.
    [InlineData("app[web.1]", "[2026-05-18 23:40:06 +0000] [4] [INFO] Reason: Worker failed to boot.", "worker failed to boot")]
    [InlineData(
        "app[web.1]",
        "Exception in thread \"main\" java.lang.IllegalStateException: Failed to load ApplicationContext",
        "uncaught exception"
    )]
    [InlineData(
        "app[web.1]",
        "Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'IQueue'",
        "uncaught exception"
    )]
    [InlineData("app[web.1]", "Error: Cannot find module 'express'", "uncaught exception")]
    [InlineData("app[web.1]", "terminate called after throwing an instance of 'std::runtime_error'", "uncaught C++ exception")]
    [InlineData(
        "app[web.1]",
        "==23==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010 at pc 0x55d5 bp 0x7ffc sp 0x7ffc",
        "sanitizer report"
    )]
    [InlineData(
        "app[web.1]",
        "/app/src/queue.cpp:88:17: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'",
        "sanitizer report"
    )]
    [InlineData("app[web.1]", "Segmentation fault (core dumped)", "segmentation fault")]
    [InlineData("app[web.1]", "panic: runtime error: invalid memory address or nil pointer dereference", "panic")]
    [InlineData("app[web.1]", "fatal error: all goroutines are asleep - deadlock!", "runtime fatal error")]
    [InlineData("app[web.1]", "npm ERR! code ELIFECYCLE", "npm error")]
    [InlineData("app[web.1]", "npm error code ELIFECYCLE", "npm error")]
    [InlineData(
        "app[web.1]",
        "./raxx-queue: error while loading shared libraries: libpq.so.5: cannot open shared object file: No such file or directory",
        "a shared library is missing"
    )]
    [InlineData(
        "app[web.1]",
        "standard_init_linux.go:228: exec user process caused: exec format error",
        "exec format error (built for another CPU)"
    )]
    [InlineData(
        "app[web.1]",
        "! Unable to load application: NameError: uninitialized constant Raxx::Billing",
        "application failed to start"
    )]
    [InlineData(
        "app[web.1]",
        "bundler: failed to load command: puma (/app/vendor/bundle/ruby/3.3.0/bin/puma)",
        "application failed to start"
    )]
    [InlineData("app[web.1]", "java.lang.OutOfMemoryError: Java heap space", "uncaught exception")]
    [InlineData(
        "app[web.1]",
        "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server: Connection refused",
        "uncaught exception"
    )]
    [InlineData("app[web.1]", "thread 'main' panicked at src/main.rs:10:5:", "panic")]
    [InlineData(
        "app[web.1]",
        "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Os { code: 98, kind: AddrInUse }', src/main.rs:10:5",
        "panic"
    )]
    [InlineData(
        "app[web.1]",
        "** (Mix) Could not start application raxx: exited in: Raxx.Application.start(:normal, [])",
        "uncaught exception"
    )]
    [InlineData(
        "app[web.1]",
        "Kernel pid terminated (application_controller) ({application_start_failure,raxx,{bad_return,{{'Elixir.Raxx.Application',start,[normal,[]]},{'EXIT',{undef,[]}}}}})",
        "Erlang VM halted"
    )]
    [InlineData("app[web.1]", "PHP Fatal error:  Uncaught Exception: boom in /app/index.php:3", "PHP fatal error")]
    [InlineData("app[web.1]", "APPLICATION FAILED TO START", "application failed to start")]
    [InlineData("app[web.1]", "/bin/sh: 1: gunicorn: not found", "the start command failed")]
    [InlineData("app[web.1]", "bash: line 1: ./raxx-queue: No such file or directory", "the start command failed")]
    // Lines that quote an error, or are not failures at all.
    [InlineData("app[web.1]", "INFO retrying after ERROR from upstream", null)]
    [InlineData(
        "app[web.1]",
        "time=\"2026-05-18T23:40:05Z\" level=info msg=\"grpc: addrConn.createTransport failed to connect: Error while dialing\"",
        null
    )]
    [InlineData("app[web.1]", "W0909 12:00:00.000000       1 clientconn.go:1331] \"transport: Error while dialing\"", null)]
    [InlineData("app[web.1]", "Build succeeded.    0 Warning(s)    0 Error(s)", null)]
    [InlineData("app[web.1]", "{\"level\":30,\"msg\":\"error budget at 3%\"}", null)]
    [InlineData("app[web.1]", "info: Microsoft.Hosting.Lifetime[14] Now listening on: http://0.0.0.0:41982", null)]
    [InlineData("app[web.1]", "DEBUG handled ErrorCode=0", null)]
    [InlineData("app[web.1]", "***************************", null)]
    [InlineData("app[web.1]", "the worker thread 'main' never panicked at startup", null)]
    [InlineData("app[web.1]", "WARN slow query (1200ms): SELECT 1 -- error handling path", null)]
    [InlineData("heroku[web.1]", "Process exited with status 0", null)]
    [InlineData("heroku[web.1]", "State changed from starting to up", null)]
    [InlineData("heroku[web.1]", "Starting process with command `/usr/local/bin/raxx-queue`", null)]
    [InlineData(
        "heroku[router]",
        "at=info method=GET path=\"/health\" host=x.herokuapp.com request_id=1 fwd=\"203.0.113.7\" dyno=web.1 connect=0ms service=3ms status=200 bytes=85 protocol=https",
        null
    )]
    [InlineData("heroku[api]", "Deploy 142013fe2b5c by ops@raxx.app", null)]
    // Failures that never say "error": a sanitizer killed by a signal, an unhandled promise rejection.
    [InlineData("app[web.1]", "AddressSanitizer:DEADLYSIGNAL", "sanitizer report")]
    [InlineData(
        "app[web.1]",
        "[2026-05-18 23:40:07] production.ERROR: SQLSTATE[08006] [7] connection to server failed {\"exception\":\"[object] (PDOException(code: 7))\"}",
        "ERROR-level line"
    )]
    [InlineData("app[web.1]", "[2026-05-18 23:40:07] production.INFO: Worker started, no error so far", null)]
    [InlineData("app[web.1]", "/app/config/boot.rb:12:in `<main>': undefined method `fetch' for nil (NoMethodError)", "uncaught exception")]
    [InlineData("app[web.1]", "Task exception was never retrieved", "unhandled asyncio task exception")]
    [InlineData(
        "app[web.1]",
        "==1==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000 (pc 0x55d4 bp 0x7ffd sp 0x7ffd T0)",
        "sanitizer report"
    )]
    [InlineData(
        "app[web.1]",
        "SUMMARY: AddressSanitizer: heap-use-after-free /app/src/queue.cc:42:7 in raxx::Queue::pop()",
        "sanitizer report"
    )]
    [InlineData(
        "app[web.1]",
        "(node:23) UnhandledPromiseRejectionWarning: MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017",
        "unhandled promise rejection"
    )]
    [InlineData(
        "app[web.1]",
        "[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"Redis is down\".] {",
        "unhandled promise rejection"
    )]
    // Noise that says FATAL: a framework's routing error for a path the app does not serve.
    [InlineData(
        "app[web.1]",
        "F, [2026-05-18T23:40:07.412356 #4] FATAL -- : [5b1e0c2a-1f3b-4e43-9a55-5c8f0e4f2d11] ActionController::RoutingError (No route matches [GET] \"/favicon.ico\"):",
        null
    )]
    [InlineData("app[web.1]", "ERROR: No route matches [GET] \"/apple-touch-icon.png\"", null)]
    [InlineData(
        "app[web.1]",
        "[2026-05-18T23:40:07.412356+00:00] request.ERROR: Uncaught PHP Exception Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException: \"No route found for \"GET https://raxx.app/favicon.ico\"\" at RouterListener.php line 149",
        null
    )]
    [InlineData(
        "app[web.1]",
        "23:40:07.412 [error] ** (Phoenix.Router.NoRouteError) no route found for GET /favicon.ico (RaxxWeb.Router)",
        null
    )]
    public void Each_line_is_judged_by_its_own_level_then_by_the_signals_it_shows(string process, string message, string? kind)
    {
        var judged = Judge(Line(0, process, message));

        judged.Failures.Select(f => f.Kind).ShouldBe(kind is null ? [] : [kind], message);
        if (kind is not null)
        {
            judged.Failures[0].Quote.ShouldBe(Ansi.Strip($"{process}: {message}"));
        }
    }

    [Fact]
    public void A_python_traceback_is_one_failure_quoted_from_its_first_line_with_its_exception_line()
    {
        var judged = Judge(
            Line(1, "app[web.1]", "Traceback (most recent call last):"),
            Line(1, "app[web.1]", "  File \"/app/queue/main.py\", line 3, in <module>"),
            Line(1, "app[web.1]", "    import raxx"),
            Line(1, "app[web.1]", "ModuleNotFoundError: No module named 'raxx'"),
            Line(2, "app[web.1]", "INFO next line")
        );

        var failure = judged.Failures.ShouldHaveSingleItem();
        failure.Kind.ShouldBe("uncaught exception");
        failure.Quote.ShouldBe("app[web.1]: Traceback (most recent call last): … ModuleNotFoundError: No module named 'raxx'");
    }

    [Fact]
    public void A_ruby_logger_fatal_line_is_judged_with_the_exception_on_its_next_line()
    {
        var judged = Judge(
            Line(1, "app[web.1]", "F, [2026-05-18T23:40:07.412356 #4] FATAL -- : [5b1e0c2a]  "),
            Line(1, "app[web.1]", "[5b1e0c2a] ActionController::RoutingError (No route matches [GET] \"/assets/app.css\"):"),
            Line(2, "app[web.1]", "F, [2026-05-18T23:40:08.100000 #4] FATAL -- : [77aa01]"),
            Line(2, "app[web.1]", "[77aa01] PG::UndefinedTable (relation \"billing_events\" does not exist)")
        );

        var failure = judged.Failures.ShouldHaveSingleItem();
        failure.Kind.ShouldBe("FATAL-level line");
        failure.Quote.ShouldEndWith("… [77aa01] PG::UndefinedTable (relation \"billing_events\" does not exist)");
    }

    [Fact]
    public void A_java_or_dotnet_stack_is_one_failure_not_one_per_frame()
    {
        var judged = Judge(
            Line(1, "app[web.1]", "Unhandled exception. System.InvalidOperationException: Unable to resolve service"),
            Line(1, "app[web.1]", "   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.CreateArgumentCallSites()"),
            Line(1, "app[web.1]", "   at Program.<Main>$(String[] args) in /src/Program.cs:line 12")
        );

        judged.Failures.ShouldHaveSingleItem().Kind.ShouldBe("uncaught exception");
    }

    [Fact]
    public void The_previous_release_shutting_down_is_set_aside_not_failed()
    {
        var judged = Judge(
            Line(1, "heroku[web.1]", "Restarting"),
            Line(1, "heroku[web.1]", "State changed from up to starting"),
            Line(2, "heroku[web.1]", "Stopping all processes with SIGTERM"),
            Line(2, "app[web.1]", "ERROR connection reset by peer during shutdown"),
            Line(32, "heroku[web.1]", "Error R12 (Exit timeout) -> At least one process failed to exit within 30 seconds of SIGTERM"),
            Line(32, "heroku[web.1]", "Stopping process with SIGKILL"),
            Line(32, "heroku[web.1]", "Process exited with status 137"),
            Line(33, "heroku[web.1]", "Starting process with command `/usr/local/bin/raxx-queue`"),
            Line(35, "app[web.1]", "INFO raxx-queue 0.1.0 listening on 0.0.0.0:41982"),
            Line(36, "heroku[web.1]", "State changed from starting to up")
        );

        judged.Failures.ShouldBeEmpty();
        judged.SetAside.ShouldBe(["7 lines of web.1 shutting down (the previous release's process, stopped for the new one)"]);
        judged.WebLines.ShouldBe(10);
    }

    [Fact]
    public void The_new_process_failing_after_the_shutdown_still_fails()
    {
        var judged = Judge(
            Line(2, "heroku[web.1]", "Stopping all processes with SIGTERM"),
            Line(2, "heroku[web.1]", "Process exited with status 143"),
            Line(3, "heroku[web.1]", "Starting process with command `/usr/local/bin/raxx-queue`"),
            Line(5, "heroku[web.1]", "Process exited with status 1")
        );

        judged.Failures.Select(f => f.Kind).ShouldBe(["exit status 1"]);
    }

    [Fact]
    public void Other_process_types_are_reported_apart_and_lines_before_the_release_not_at_all()
    {
        var judged = Judge(
            Line(-60, "app[web.1]", "ERROR raptor unreachable (aborted attempt)"),
            Line(1, "app[worker.1]", "ERROR job 42 failed"),
            Line(1, "heroku[release.4021]", "Process exited with status 1"),
            Line(2, "app[web.1]", "INFO listening")
        );

        judged.Failures.ShouldBeEmpty();
        judged.OtherProcesses.Select(f => (f.Kind, f.Dyno)).ShouldBe([("ERROR-level line", "worker.1"), ("exit status 1", "release.4021")]);
        judged.WebLines.ShouldBe(1);
    }

    [Fact]
    public void A_services_own_patterns_fail_or_set_aside_lines()
    {
        var patterns = new LogPatterns([new Regex("^QUEUE-PANIC ")], [new Regex("known flaky upstream")]);

        var judged = StartupLogRule.Judge(
            [Line(1, "app[web.1]", "QUEUE-PANIC lost the lease"), Line(1, "app[web.1]", "ERROR known flaky upstream timed out")],
            Release,
            "web",
            patterns
        );

        judged.Failures.Select(f => f.Kind).ShouldBe(["matches postDeploy.logs.failOn /^QUEUE-PANIC /"]);
    }

    private static StartupLogJudgement Judge(params string[] lines) => StartupLogRule.Judge(lines, Release, "web", LogPatterns.None);

    private static string Line(int seconds, string process, string message) =>
        $"{Release.AddSeconds(seconds).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff}+00:00 {process}: {message}";
}
