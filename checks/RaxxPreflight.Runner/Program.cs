using RaxxPreflight.Runner;

return await RunnerCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
