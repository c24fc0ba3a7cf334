using RaxxPreflight.Runner;

return await RunnerCommand.RunAsync(args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected).ConfigureAwait(false);
