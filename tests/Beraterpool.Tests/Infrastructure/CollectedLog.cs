using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Beraterpool.Tests.Infrastructure;

/// <summary>Every log event the app writes, rendered with its properties, as a sink registered through <see cref="TestApp.WithServices"/>.</summary>
public sealed class CollectedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        using var line = new StringWriter();
        logEvent.RenderMessage(line);
        foreach (var (name, value) in logEvent.Properties) line.Write($" {name}={value}");
        if (logEvent.Exception is { } e) line.Write($" {e}");
        _lines.Enqueue(line.ToString());
    }

    public string Text => string.Join("\n", _lines);
}
