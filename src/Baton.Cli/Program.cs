using Baton.Cli;

return await BatonApp.RunAsync(args);
