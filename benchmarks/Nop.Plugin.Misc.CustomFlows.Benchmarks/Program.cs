using Nop.Plugin.Misc.CustomFlows.Benchmarks;

return EngineBenchmarks.Run(args, Console.Out);
