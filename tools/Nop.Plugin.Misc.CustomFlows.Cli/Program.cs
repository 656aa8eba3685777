using Nop.Plugin.Misc.CustomFlows.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
