using Retrosense.Server;

return await ServerApplication.RunAsync(args).ConfigureAwait(false);
