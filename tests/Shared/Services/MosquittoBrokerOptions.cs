using System;
using System.Collections.Generic;

namespace Retrosense.Testing.Services;

/// <summary>How a test's <see cref="MosquittoBroker"/> is configured.</summary>
public sealed class MosquittoBrokerOptions
{
    /// <summary>Clients may connect without a username (the default for plain-TCP tests).</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>
    /// Keep retained messages, persistent sessions and their queued QoS 1 messages across a stop and start
    /// (<c>persistence true</c> with the database in the broker's folder).
    /// </summary>
    public bool Persistence { get; init; }

    /// <summary>
    /// Lines written right after the listener line, so listener settings apply to the test's listener: e.g.
    /// <c>cafile</c>, <c>certfile</c>, <c>keyfile</c>, <c>require_certificate true</c>,
    /// <c>use_identity_as_username true</c>, <c>crlfile</c>, <c>acl_file</c> (paths may point into
    /// <see cref="MosquittoBroker.Directory"/>).
    /// </summary>
    public IReadOnlyList<string> ExtraConfigLines { get; init; } = Array.Empty<string>();

    /// <summary>How long to wait for the broker to accept connections after starting it.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
