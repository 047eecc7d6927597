using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Retrosense.Server.Tests.Hostile;

/// <summary>
/// A logger provider added to the running server's logger factory that keeps every Error and Critical entry (with its
/// exception), as MQTTnet's own tests collect their broker's errors: bad input must never show up here.
/// </summary>
internal sealed class ServerErrorLogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _errors);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                errors.Enqueue(logLevel + " " + category + ": " + formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.GetType().FullName + ": " + exception.Message));
            }
        }
    }
}
