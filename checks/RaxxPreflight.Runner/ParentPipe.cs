namespace RaxxPreflight.Runner;

/// <summary>
/// A child run's tie to its parent (<c>PREFLIGHT_PARENT_PIPE=stdin</c>): the parent holds the write end of a pipe on
/// the child's standard input and never writes; when the parent dies, however hard (SIGKILL, a test host past its
/// time), the kernel closes that end, the child reads the end of its input and exits. Without it a self-test's child
/// run outlived a killed test host, still waiting on its fakes.
/// </summary>
public static class ParentPipe
{
    /// <summary>The exit code of a run whose parent went away: 128 + SIGTERM, as a stopped run's.</summary>
    public const int ParentGone = 143;

    /// <summary>Watches standard input on a thread of its own when the parent asked for it; otherwise does nothing.</summary>
    public static void WatchIfRequested()
    {
        if (!RaxxPreflight.Configuration.PreflightSettings.ParentPipeRequested())
        {
            return;
        }

        var watch = new Thread(Watch) { IsBackground = true, Name = "parent pipe" };
        watch.Start();
    }

    private static void Watch()
    {
        try
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[64];

            // Anything the parent writes is ignored: only the end of the input means something.
            while (input.Read(buffer, 0, buffer.Length) > 0) { }
        }
        catch (IOException)
        {
            // A broken pipe is a parent gone as well.
        }

        Environment.Exit(ParentGone);
    }
}
