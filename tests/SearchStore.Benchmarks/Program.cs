using NewsSearch.SearchStore.Benchmarks;

return await StoreBenchmark.RunAsync(args);
