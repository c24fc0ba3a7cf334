using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules.Logs;

/// <summary>
/// Failures a line shows without giving itself a level: the platform's crash and boot signals, the router's
/// errors, and the way runtimes die (uncaught exceptions, panics, tracebacks, sanitizers, signals).
/// </summary>
public static partial class LogSignals
{
    /// <summary>
    /// Router error codes that mean the web process failed a request: H10 crashed, H12 timeout, H13 closed, H14 none
    /// running, H18 request interrupted by the server, H19 backend connection timeout, H20 boot timeout, and H81, the
    /// blank app that has never had code released (raxx-api-prod's 2026-04-30 incident). Codes of the client (H27,
    /// H28) or of a maintenance page someone chose (H80) are no failure of the release.
    /// </summary>
    public static readonly IReadOnlySet<string> RouterFailures = new HashSet<string>(StringComparer.Ordinal)
    {
        "H10",
        "H12",
        "H13",
        "H14",
        "H18",
        "H19",
        "H20",
        "H81",
    };

    /// <summary>The class of failure a platform (<c>heroku</c>) line of a dyno shows, or null.</summary>
    public static string? Platform(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (StateChange().Match(line.Message) is { Success: true } state && state.Groups["to"].Value == "crashed")
        {
            return "crashed";
        }

        if (ExitStatus().Match(line.Message) is { Success: true } exit && exit.Groups["status"].Value != "0")
        {
            return $"exit status {exit.Groups["status"].Value}";
        }

        return PlatformError().Match(line.Message) is { Success: true } error
            ? $"{error.Groups["code"].Value}: {error.Groups["desc"].Value}"
            : null;
    }

    /// <summary>The class of failure a router line shows for the app's web dynos, or null.</summary>
    public static string? Router(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Fields;
        return fields.TryGetValue("code", out var code) && RouterFailures.Contains(code)
            ? $"router {code}: {(fields.TryGetValue("desc", out var desc) ? desc : "error")}"
            : null;
    }

    /// <summary>The class of failure an application line shows without a level (an uncaught exception, a panic...), or null.</summary>
    public static string? Runtime(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (pattern, kind) in RuntimeFailures)
        {
            if (pattern.IsMatch(message))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Failures that hold whatever level the line gives itself (gunicorn reports a worker that cannot boot at INFO).</summary>
    public static string? Always(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (WorkerFailedToBoot().IsMatch(message))
        {
            return "worker failed to boot";
        }

        // A sanitizer's report is a failure whatever words it uses (AddressSanitizer writes "ERROR:", or only
        // "AddressSanitizer:DEADLYSIGNAL" when a signal kills the process).
        if (Sanitizer().IsMatch(message))
        {
            return "sanitizer report";
        }

        // Node kills the process on an unhandled rejection (15+), and older ones only warn of it: neither says "error".
        return UnhandledRejection().IsMatch(message) ? "unhandled promise rejection" : null;
    }

    /// <summary>
    /// Noise that names itself FATAL or ERROR and is no failure of the startup: a web framework's routing error for a
    /// path it does not serve (Rails' <c>ActionController::RoutingError (No route matches [GET] "/favicon.ico")</c>).
    /// </summary>
    public static bool Noise(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RoutingNoise().IsMatch(message);
    }

    /// <summary>
    /// A level line with nothing after its level but tags (Ruby's Logger: <c>F, [...] FATAL -- : [request-id]</c>): what it is
    /// about is the next line of the same process.
    /// </summary>
    public static bool EmptyLevelLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return EmptyLevel().IsMatch(message);
    }

    /// <summary>True for the line that opens a Python traceback, which ends at its exception line.</summary>
    internal static bool OpensTraceback(string message) =>
        message.TrimStart().StartsWith("Traceback (most recent call last):", StringComparison.Ordinal);

    /// <summary>True for a line that continues a stack trace (<c>  File ...</c>, <c>\tat ...</c>, <c>goroutine 1 [running]:</c>).</summary>
    internal static bool ContinuesStack(string message) =>
        message.Length == 0 || char.IsWhiteSpace(message[0]) || StackLine().IsMatch(message);

    /// <summary>The platform saying a dyno is being stopped (a restart for a new release, a scale-down).</summary>
    internal static bool Stopping(string message) => StoppingPattern().IsMatch(message);

    /// <summary>The platform saying a dyno's process is starting: what ends a shutdown.</summary>
    internal static bool Starting(string message) => message.StartsWith("Starting process with command", StringComparison.Ordinal);

    private static readonly (Regex Pattern, string Kind)[] RuntimeFailures =
    [
        (new Regex(@"^Unhandled [eE]xception\b", RegexOptions.CultureInvariant), "uncaught exception"),
        (new Regex(@"^Exception in thread ""[^""]*"" ", RegexOptions.CultureInvariant), "uncaught exception"),
        (new Regex(@"^Uncaught (exception|Error|TypeError|ReferenceError)\b", RegexOptions.CultureInvariant), "uncaught exception"),
        // Qualified too: "java.lang.OutOfMemoryError: Java heap space", "sqlalchemy.exc.OperationalError: ...".
        (new Regex(@"^([\w$]+\.)*\w*(Error|Exception): ", RegexOptions.CultureInvariant), "uncaught exception"),
        (new Regex(@"^panic: ", RegexOptions.CultureInvariant), "panic"),
        // Rust: "thread 'main' panicked at src/main.rs:10:5:" (and, before 1.73, the message before the place).
        (new Regex(@"^thread '[^']*' panicked at ", RegexOptions.CultureInvariant), "panic"),
        // Elixir's last words ("** (Mix) Could not start application raxx: ...") and the Erlang VM's.
        (new Regex(@"^\*\* \((\w+\.)*\w+\) ", RegexOptions.CultureInvariant), "uncaught exception"),
        (new Regex(@"^Kernel pid terminated \(", RegexOptions.CultureInvariant), "Erlang VM halted"),
        (new Regex(@"^PHP (Fatal|Parse) error: ", RegexOptions.CultureInvariant), "PHP fatal error"),
        (new Regex(@"^APPLICATION FAILED TO START$", RegexOptions.CultureInvariant), "application failed to start"),
        // The start command itself: "/bin/sh: 1: gunicorn: not found", "bash: line 1: ./raxx-queue: No such file or directory".
        (
            new Regex(
                @"^(/(usr/)?bin/)?(ba|da|z)?sh: (line )?\d+: .*(not found|No such file or directory|Permission denied)$",
                RegexOptions.CultureInvariant
            ),
            "the start command failed"
        ),
        (new Regex(@"^fatal error: ", RegexOptions.CultureInvariant), "runtime fatal error"),
        (
            new Regex(@"^terminate called (after throwing an instance of|without an active exception)", RegexOptions.CultureInvariant),
            "uncaught C++ exception"
        ),
        (new Regex(@"\bSegmentation fault\b|\(core dumped\)|\bSIGSEGV\b", RegexOptions.CultureInvariant), "segmentation fault"),
        // npm before 10 ("npm ERR! code ELIFECYCLE") and since ("npm error code ELIFECYCLE").
        (new Regex(@"^npm (ERR!|error) ", RegexOptions.CultureInvariant), "npm error"),
        // A binary that cannot start: a library the image lacks, or built for another CPU.
        (
            new Regex(@"error while loading shared libraries: .*cannot open shared object file", RegexOptions.CultureInvariant),
            "a shared library is missing"
        ),
        (new Regex(@"\bexec format error\b", RegexOptions.CultureInvariant), "exec format error (built for another CPU)"),
        // Ruby's servers that could not load the app: Puma's "! Unable to load application: ...", Bundler's binstub.
        (new Regex(@"^! Unable to load application: ", RegexOptions.CultureInvariant), "application failed to start"),
        (new Regex(@"^bundler: failed to load command: ", RegexOptions.CultureInvariant), "application failed to start"),
        (new Regex(@"^Aborted\b", RegexOptions.CultureInvariant), "aborted"),
        // Ruby's last words: "/app/boot.rb:12:in `<main>': undefined method `x' for nil (NoMethodError)".
        (new Regex(@"^\S+\.rb:\d+:in [`'][^']*': .*\((\w+::)*\w+\)$", RegexOptions.CultureInvariant), "uncaught exception"),
        (new Regex(@"^Task exception was never retrieved\b", RegexOptions.CultureInvariant), "unhandled asyncio task exception"),
    ];

    [GeneratedRegex(@"^State changed from (?<from>\w+) to (?<to>\w+)")]
    private static partial Regex StateChange();

    [GeneratedRegex(@"^Process exited with status (?<status>\d+)")]
    private static partial Regex ExitStatus();

    [GeneratedRegex(@"^Error (?<code>R\d\d) \((?<desc>[^)]*)\)")]
    private static partial Regex PlatformError();

    [GeneratedRegex(
        @"^==\d+==\s*ERROR: (Address|Leak|Thread|Memory|UndefinedBehavior)Sanitizer|:\d+:\d+: runtime error: |^WARNING: ThreadSanitizer: |^(==\d+==\s*)?(Address|Leak|Thread|Memory|UndefinedBehavior|Hardware)Sanitizer:DEADLYSIGNAL|^SUMMARY: (Address|Leak|Thread|Memory|UndefinedBehavior)Sanitizer: "
    )]
    private static partial Regex Sanitizer();

    [GeneratedRegex(@"UnhandledPromiseRejection|\bUnhandled (promise )?rejection\b|\[UnhandledPromiseRejection:", RegexOptions.IgnoreCase)]
    private static partial Regex UnhandledRejection();

    // A path the app does not serve, in the words of Rails, Symfony, Phoenix and Spring: a 404, never a startup failure.
    [GeneratedRegex(
        @"ActionController::RoutingError \(No route matches|\bNo route matches \[(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\]|NotFoundHttpException: ""No route found for ""|Phoenix\.Router\.NoRouteError|\bno route found for (GET|HEAD) /|\bNo mapping for (GET|HEAD) /"
    )]
    private static partial Regex RoutingNoise();

    [GeneratedRegex(@"\b(FATAL|ERROR) -- :\s*(\[[^\]]*\]\s*)*$")]
    private static partial Regex EmptyLevel();

    [GeneratedRegex(@"Worker failed to boot")]
    private static partial Regex WorkerFailedToBoot();

    [GeneratedRegex(
        @"^(at |goroutine \d+ \[|File ""|During handling of the above exception|The above exception was the direct cause|\.\.\. \d+ more|Caused by: )"
    )]
    private static partial Regex StackLine();

    [GeneratedRegex(
        @"^(Stopping all processes with SIGTERM|Stopping process with SIGKILL|Restarting|Cycling|Idling|State changed from \w+ to down)"
    )]
    private static partial Regex StoppingPattern();
}
