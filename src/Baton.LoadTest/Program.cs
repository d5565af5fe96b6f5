using Baton.LoadTest.Hosting;

if (!LoadTestCommandLine.TryParse(args, out var options, out var error))
{
    if (error is null)
    {
        Console.WriteLine(LoadTestCommandLine.Usage);
        return 0;
    }

    await Console.Error.WriteLineAsync("error: " + error);
    await Console.Error.WriteLineAsync(LoadTestCommandLine.Usage);
    return LoadTestCommandLine.UsageExitCode;
}

return await LoadTestService.RunAsync(options, Console.Out);
