using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsSearch.Gateway.IntegrationTests;

/// <summary>One log line as a provider sees it: its category, message and every scope value around it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scopes);

/// <summary>A logger provider that keeps every line with its scopes, to check what an operator would see.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, object?>();
            owner._scopes.ForEachScope((scope, values) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs)
                        values[key] = value;
                else if (scope is IEnumerable<KeyValuePair<string, object>> objects)
                    foreach (var (key, value) in objects)
                        values[key] = value;
            }, scopes);
            owner.Lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), scopes));
        }
    }
}
