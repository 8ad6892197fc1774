// Each test starts the whole system (six processes); on a small machine two at once would only slow both down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
